package org.acse.notification;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.acse.common.events.EventType;
import org.acse.common.events.PlacementProposed;
import org.acse.common.events.Urgency;
import org.acse.testsupport.KafkaEvents;
import org.acse.testsupport.Tokens;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Every notification endpoint × every kind of caller, with real signed tokens: the expected status in every cell.
 * The alert and the channels belong to shelter X and organisation A.
 */
@QuarkusTest
class AuthorisationMatrixTest {
    static final UUID SHELTER_X = UUID.randomUUID();
    static final UUID SHELTER_Y = UUID.randomUUID();
    static String alertId;

    enum Who {
        NONE,
        PARTNER_A,
        PARTNER_B,
        STAFF_X,
        STAFF_Y,
        COORDINATOR,
        EXPIRED,
        OTHER_KEY,
        OTHER_AUDIENCE
    }

    static String token(Who who) {
        return switch (who) {
            case NONE -> null;
            case PARTNER_A -> Tokens.partner(Tokens.ORG_A);
            case PARTNER_B -> Tokens.partner(Tokens.ORG_B);
            case STAFF_X -> Tokens.staff(SHELTER_X);
            case STAFF_Y -> Tokens.staff(SHELTER_Y);
            case COORDINATOR -> Tokens.coordinator();
            case EXPIRED -> Tokens.expiredCoordinator();
            case OTHER_KEY -> Tokens.coordinatorSignedByAnotherKey();
            case OTHER_AUDIENCE -> Tokens.coordinatorForAnotherAudience();
        };
    }

    record Endpoint(String method, String path, String body) {
        @Override
        public String toString() {
            return method + " " + path.replace(SHELTER_X.toString(), "{X}").replace(String.valueOf(alertId), "{alert}");
        }
    }

    @BeforeEach
    void anAlertForShelterX() {
        if (alertId != null) {
            return;
        }
        PlacementProposed proposed = SampleEvents.proposed(SHELTER_X, Urgency.WITHIN_7_DAYS);
        KafkaEvents.onSharedBroker().publish(EventType.PLACEMENT_PROPOSED, proposed);
        alertId = await().atMost(Duration.ofSeconds(30))
                .until(
                        () -> given().auth()
                                .oauth2(Tokens.staff(SHELTER_X))
                                .get("/api/v1/alerts")
                                .then()
                                .extract()
                                .<String>path("items[0].id"),
                        id -> id != null);
    }

    /** Expected status per caller, in the order of {@link Who}. */
    static Map<Endpoint, int[]> matrix() {
        String channel = "{\"emails\":[\"team@foyer.example\"]}";
        Map<Endpoint, int[]> m = new LinkedHashMap<>();
        // none, partner A, partner B, staff X, staff Y, coordinator, expired, other key, other audience
        m.put(new Endpoint("GET", "/api/v1/alerts", null), new int[] {401, 403, 403, 200, 200, 200, 401, 401, 401});
        m.put(
                new Endpoint("GET", "/api/v1/alerts/" + alertId, null),
                new int[] {401, 403, 403, 200, 404, 200, 401, 401, 401});
        m.put(
                new Endpoint("POST", "/api/v1/alerts/" + alertId + "/ack", null),
                new int[] {401, 403, 403, 200, 404, 200, 401, 401, 401});
        m.put(new Endpoint("GET", "/api/v1/deliveries", null), new int[] {401, 403, 403, 403, 403, 200, 401, 401, 401});
        m.put(
                new Endpoint("GET", "/api/v1/shelters/" + SHELTER_X + "/channels", null),
                new int[] {401, 403, 403, 200, 404, 200, 401, 401, 401});
        m.put(
                new Endpoint("PUT", "/api/v1/shelters/" + SHELTER_X + "/channels", channel),
                new int[] {401, 403, 403, 200, 404, 200, 401, 401, 401});
        m.put(
                new Endpoint("GET", "/api/v1/organisations/" + Tokens.ORG_A + "/channels", null),
                new int[] {401, 200, 404, 403, 403, 200, 401, 401, 401});
        m.put(
                new Endpoint("PUT", "/api/v1/organisations/" + Tokens.ORG_A + "/channels", channel),
                new int[] {401, 200, 404, 403, 403, 200, 401, 401, 401});
        m.put(
                new Endpoint("GET", "/api/v1/coordination/channels", null),
                new int[] {401, 403, 403, 403, 403, 200, 401, 401, 401});
        m.put(
                new Endpoint("PUT", "/api/v1/coordination/channels", "{\"emails\":[]}"),
                new int[] {401, 403, 403, 403, 403, 200, 401, 401, 401});
        m.put(new Endpoint("GET", "/api/v1/audit", null), new int[] {401, 403, 403, 403, 403, 200, 401, 401, 401});
        return m;
    }

    @Test
    void everyEndpointAnswersEveryCallerAsExpected() {
        List<String> wrong = new ArrayList<>();
        matrix().forEach((endpoint, expected) -> {
            for (Who who : Who.values()) {
                RequestSpecification request = given().contentType("application/json");
                String token = token(who);
                if (token != null) {
                    request.auth().oauth2(token);
                }
                if (endpoint.body() != null) {
                    request.body(endpoint.body());
                }
                ExtractableResponse<Response> answer = request.request(endpoint.method(), endpoint.path())
                        .then()
                        .extract();
                int status = answer.statusCode();
                if (!"nosniff".equals(answer.header("X-Content-Type-Options"))
                        || !"no-store".equals(answer.header("Cache-Control"))
                        || !String.valueOf(answer.header("Content-Security-Policy"))
                                .contains("frame-ancestors 'none'")) {
                    wrong.add(endpoint + ": security headers missing");
                }
                if (status != expected[who.ordinal()]) {
                    wrong.add(endpoint + " as " + who + ": " + status + " instead of " + expected[who.ordinal()]);
                }
            }
        });
        assertThat(wrong).isEmpty();
    }

    @Test
    void theStreamIsClosedToAnonymousCallersAndServiceAccounts() {
        given().get("/api/v1/alerts/stream").then().statusCode(401);
        given().auth()
                .oauth2(Tokens.service("intake-service"))
                .get("/api/v1/alerts/stream")
                .then()
                .statusCode(403);
        given().auth()
                .oauth2(Tokens.expiredCoordinator())
                .get("/api/v1/alerts/stream")
                .then()
                .statusCode(401);
        given().auth()
                .oauth2(Tokens.coordinatorSignedByAnotherKey())
                .get("/api/v1/alerts/stream")
                .then()
                .statusCode(401);
    }

    @Test
    void staffOfAnotherShelterSeeNoneOfItsAlertsInTheList() {
        assertThat(given().auth()
                        .oauth2(Tokens.staff(SHELTER_Y))
                        .queryParam("shelterId", SHELTER_X)
                        .get("/api/v1/alerts")
                        .then()
                        .statusCode(200)
                        .extract()
                        .<Integer>path("total"))
                .isZero();
    }

    @Test
    void theWebhookSecretIsNeverReturnedAndBadInputNamesTheField() {
        given().auth()
                .oauth2(Tokens.staff(SHELTER_X))
                .contentType("application/json")
                .body("{\"emails\":[\"a@b.example\"],\"webhookUrl\":\"https://hooks.example/acse\","
                        + "\"webhookSecret\":\"whsec_dmVyeS1zZWNyZXQtdmFsdWUtMTIzNDU2\"}")
                .put("/api/v1/shelters/" + SHELTER_X + "/channels")
                .then()
                .statusCode(200);
        String body = given().auth()
                .oauth2(Tokens.coordinator())
                .get("/api/v1/shelters/" + SHELTER_X + "/channels")
                .then()
                .statusCode(200)
                .extract()
                .asString();
        assertThat(body)
                .doesNotContain("whsec_dmVyeS1zZWNyZXQtdmFsdWUtMTIzNDU2")
                .contains("\"webhookSecretSet\":true");

        given().auth()
                .oauth2(Tokens.staff(SHELTER_X))
                .contentType("application/json")
                .body("{\"emails\":[\"not-an-address\"],\"webhookUrl\":\"ftp://x\"}")
                .put("/api/v1/shelters/" + SHELTER_X + "/channels")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", Matchers.hasItems("emails[0]", "webhookUrl"))
                .body(Matchers.not(Matchers.containsString("not-an-address")));
        given().auth()
                .oauth2(Tokens.staff(SHELTER_X))
                .get("/api/v1/alerts/not-a-uuid")
                .then()
                .statusCode(400);
        given().auth()
                .oauth2(Tokens.coordinator())
                .queryParam("status", "BOGUS")
                .get("/api/v1/deliveries")
                .then()
                .statusCode(400)
                .body("errors[0].field", Matchers.equalTo("status"));
    }
}
