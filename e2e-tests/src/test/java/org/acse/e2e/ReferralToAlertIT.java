package org.acse.e2e;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.restassured.http.ContentType;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.acse.suite.WebhookReceiver;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The walking skeleton, end to end, over the packaged services: a referral from a partner in danger in Nice reaches
 * the one shelter that is far enough away, as a signed webhook alert, and the statuses say so.
 */
class ReferralToAlertIT {
    private static final String SECRET = "whsec_ZTJlLXdlYmhvb2stc2VjcmV0LTAxMjM0NTY3ODk="; // Standard Webhooks
    private static RunningSuite suite;
    private static WebhookReceiver receiver;

    @BeforeAll
    static void start() {
        suite = RunningSuite.get();
        receiver = new WebhookReceiver();
    }

    @AfterAll
    static void stop() {
        if (receiver != null) {
            receiver.close();
        }
    }

    @Test
    void referralFromNiceIsProposedOnlyToTheDistantShelterAndItsTeamIsAlerted() throws Exception {
        String suffix = UUID.randomUUID().toString().substring(0, 4).toUpperCase();
        // Antibes: in the danger zone's department. Marseille: another department, but 160 km from Nice.
        // Lyon: 300 km away, another department: the only eligible shelter.
        UUID inDepartment = registerShelter("ANT" + suffix, "06004");
        UUID tooClose = registerShelter("MRS" + suffix, "13055");
        UUID distant = registerShelter("LYS" + suffix, "69123");
        for (UUID shelter : List.of(inDepartment, tooClose, distant)) {
            registerWebhook(shelter);
        }

        String referralId = given().auth()
                .oauth2(suite.identities.partner("org-nice"))
                .contentType(ContentType.JSON)
                .body(referral())
                .post(suite.intake.url() + "/api/v1/referrals")
                .then()
                .statusCode(201)
                .extract()
                .path("id");

        await().atMost(Duration.ofSeconds(60))
                .untilAsserted(
                        () -> assertThat(receiver.deliveries("/" + distant)).isNotEmpty());
        WebhookReceiver.Delivery alert = receiver.deliveries("/" + distant).get(0);
        assertThat(alert.header("webhook-signature"))
                .isEqualTo("v1,"
                        + hmac(alert.header("webhook-id") + "." + alert.header("webhook-timestamp") + "."
                                + alert.body()));
        assertThat(alert.body()).contains(referralId).doesNotContain("Ionescu").doesNotContain("1998");
        assertThat(receiver.deliveries("/" + inDepartment)).isEmpty();
        assertThat(receiver.deliveries("/" + tooClose)).isEmpty();

        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> given().auth()
                        .oauth2(suite.identities.partner("org-nice"))
                        .get(suite.intake.url() + "/api/v1/referrals/" + referralId)
                        .then()
                        .statusCode(200)
                        .body("status", Matchers.equalTo("PROPOSED")));
        given().auth()
                .oauth2(suite.identities.coordinator())
                .queryParam("referralId", referralId)
                .get(suite.placement.url() + "/api/v1/placements")
                .then()
                .statusCode(200)
                .body("items", Matchers.hasSize(1))
                .body("items[0].shelterId", Matchers.equalTo(distant.toString()))
                .body("items[0].status", Matchers.equalTo("HELD"));
    }

    private static UUID registerShelter(String code, String communeCode) {
        return suite.registerShelter(Map.of(
                "code",
                code,
                "name",
                "Shelter " + code,
                "communeCode",
                communeCode,
                "address",
                "1 rue confidentielle",
                "active",
                true,
                "accepts",
                Map.of("genders", List.of("FEMALE"), "families", true, "maxChildren", 2),
                "wheelchairAccessible",
                false,
                "support",
                List.of("PSYCHOLOGICAL"),
                "languages",
                List.of("fr", "ro"),
                "units",
                List.of(Map.of("capacity", 2))));
    }

    private static void registerWebhook(UUID shelterId) {
        suite.registerChannels(shelterId, List.of(), receiver.url("/" + shelterId), SECRET);
    }

    private static String referral() {
        return """
                {"person":{"firstName":"Ana","lastName":"Ionescu","birthDate":"1998-03-14","nationality":"RO",
                           "phone":"+33600000000"},
                 "gender":"FEMALE","birthDate":"1998-03-14","children":[{"age":4}],"languages":["ro","fr"],
                 "needs":{"wheelchairAccess":false,"psychologicalSupport":true,"medicalCare":false,"interpreter":false},
                 "exploitation":["SEXUAL"],"dangerZones":[{"communeCode":"06088"}],
                 "currentLocation":{"communeCode":"06088"},"urgency":"IMMEDIATE",
                 "consent":{"dataSharing":true,"recordedAt":"2026-11-28T08:00:00Z"}}""";
    }

    private static String hmac(String message) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(Base64.getDecoder().decode(SECRET.substring("whsec_".length())), "HmacSHA256"));
        return Base64.getEncoder().encodeToString(mac.doFinal(message.getBytes(StandardCharsets.UTF_8)));
    }
}
