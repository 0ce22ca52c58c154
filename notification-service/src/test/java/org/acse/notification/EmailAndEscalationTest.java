package org.acse.notification;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.acse.common.events.AlertAcknowledged;
import org.acse.common.events.AlertEscalated;
import org.acse.common.events.Cancellation;
import org.acse.common.events.EventType;
import org.acse.common.events.PlacementNoMatch;
import org.acse.common.events.PlacementProposed;
import org.acse.common.events.ReferralSubmitted;
import org.acse.common.events.Urgency;
import org.acse.suite.WebhookReceiver;
import org.acse.testsupport.KafkaEvents;
import org.acse.testsupport.Tokens;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/** E-mail to a real SMTP server, acknowledgement, and escalation of what nobody acknowledged. */
@QuarkusTest
class EmailAndEscalationTest {
    static final WebhookReceiver receiver = new WebhookReceiver();
    final KafkaEvents kafka = KafkaEvents.onSharedBroker();

    @AfterAll
    static void close() {
        receiver.close();
    }

    @Test
    void theShelterReceivesABilingualEMailWithoutIdentity() throws Exception {
        UUID shelter = UUID.randomUUID();
        String address = "equipe-" + shelter + "@foyer.example";
        given().auth()
                .oauth2(Tokens.coordinator())
                .contentType("application/json")
                .body("{\"emails\":[\"" + address + "\"]}")
                .put("/api/v1/shelters/" + shelter + "/channels")
                .then()
                .statusCode(200);
        PlacementProposed proposed = SampleEvents.proposed(shelter, Urgency.WITHIN_72H);
        kafka.publish(EventType.PLACEMENT_PROPOSED, proposed);

        MimeMessage mail = await().atMost(Duration.ofSeconds(20))
                .until(
                        () -> Arrays.stream(GreenMailResource.smtp().getReceivedMessages())
                                .filter(m -> sentTo(m, address))
                                .toList(),
                        l -> !l.isEmpty())
                .get(0);
        String body = text(mail.getContent());
        assertThat(mail.getSubject()).contains(proposed.pseudonym());
        assertThat(body)
                .contains(proposed.pseudonym())
                .contains("Proposition d'accueil")
                .contains("Placement proposal")
                .contains("/staff")
                .contains("WITHIN_72H");
        assertThat(body.toLowerCase())
                .doesNotContain("phone")
                .doesNotContain("birth")
                .doesNotContain("notes");
        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(given().auth()
                                .oauth2(Tokens.coordinator())
                                .queryParam("referralId", proposed.referralId())
                                .get("/api/v1/deliveries")
                                .then()
                                .extract()
                                .jsonPath()
                                .getList("items.status", String.class))
                        .containsExactly("DELIVERED"));
    }

    @Test
    void anUnacknowledgedImmediateAlertIsResentAndEscalatedOnce() {
        String coordinationPath = "/coordination-" + UUID.randomUUID();
        given().auth()
                .oauth2(Tokens.coordinator())
                .contentType("application/json")
                .body("{\"webhookUrl\":\"" + receiver.url(coordinationPath)
                        + "\",\"webhookSecret\":\"whsec_Y29vcmRpbmF0aW9uLXNlY3JldC0wMTIzNDU2Nzg5\"}")
                .put("/api/v1/coordination/channels")
                .then()
                .statusCode(200);
        UUID shelter = UUID.randomUUID();
        String shelterPath = "/shelter-" + shelter;
        given().auth()
                .oauth2(Tokens.staff(shelter))
                .contentType("application/json")
                .body("{\"webhookUrl\":\"" + receiver.url(shelterPath)
                        + "\",\"webhookSecret\":\"whsec_c2hlbHRlci1zZWNyZXQtMDEyMzQ1Njc4OQ==\"}")
                .put("/api/v1/shelters/" + shelter + "/channels")
                .then()
                .statusCode(200);
        PlacementProposed proposed = SampleEvents.proposed(shelter, Urgency.IMMEDIATE);
        kafka.publish(EventType.PLACEMENT_PROPOSED, proposed);

        // IMMEDIATE is acknowledged within 2 s in tests: nobody does, so coordinators hear of it
        WebhookReceiver.Delivery escalation = await().atMost(Duration.ofSeconds(20))
                .until(() -> TestAlerts.about(receiver, coordinationPath, proposed.referralId()), d -> !d.isEmpty())
                .get(0);
        assertThat(escalation.header("X-Acse-Event")).isEqualTo(EventType.ALERT_ESCALATED.type());
        assertThat(JsonPath.from(escalation.body()).getString("referralId"))
                .isEqualTo(proposed.referralId().toString());
        List<WebhookReceiver.Delivery> toShelter = await().atMost(Duration.ofSeconds(10))
                .until(() -> receiver.deliveries(shelterPath), d -> d.size() == 2);
        assertThat(toShelter.get(1).header("X-Acse-Event")).isEqualTo(EventType.ALERT_ESCALATED.type());
        assertThat(JsonPath.from(toShelter.get(1).body()).getBoolean("reminder"))
                .isTrue();

        AlertEscalated event = kafka.await(EventType.ALERT_ESCALATED, proposed.referralId(), AlertEscalated.class);
        assertThat(event.shelterId()).isEqualTo(shelter);
        String alertId = given().auth()
                .oauth2(Tokens.staff(shelter))
                .get("/api/v1/alerts")
                .then()
                .statusCode(200)
                .extract()
                .path("items[0].id");
        assertThat(event.alertId().toString()).isEqualTo(alertId);

        // once only, and the late acknowledgement still counts
        given().auth()
                .oauth2(Tokens.staff(shelter))
                .post("/api/v1/alerts/" + alertId + "/ack")
                .then()
                .statusCode(200)
                .extract()
                .path("status")
                .equals("ACKNOWLEDGED");
        AlertAcknowledged ack =
                kafka.await(EventType.ALERT_ACKNOWLEDGED, proposed.referralId(), AlertAcknowledged.class);
        assertThat(ack.alertId().toString()).isEqualTo(alertId);
        await().during(Duration.ofSeconds(2))
                .atMost(Duration.ofSeconds(4))
                .until(() -> TestAlerts.about(receiver, coordinationPath, proposed.referralId())
                                .size()
                        == 1);
        assertThat(kafka.records(EventType.ALERT_ESCALATED, proposed.referralId()))
                .hasSize(1);
    }

    @Test
    void anAcknowledgedAlertIsNotEscalatedAndDecisionsCloseIt() {
        UUID shelter = UUID.randomUUID();
        PlacementProposed proposed = SampleEvents.proposed(shelter, Urgency.IMMEDIATE);
        kafka.publish(EventType.PLACEMENT_PROPOSED, proposed);
        String alertId = await().atMost(Duration.ofSeconds(20))
                .until(
                        () -> given().auth()
                                .oauth2(Tokens.staff(shelter))
                                .get("/api/v1/alerts")
                                .then()
                                .extract()
                                .<String>path("items[0].id"),
                        id -> id != null);
        given().auth()
                .oauth2(Tokens.staff(shelter))
                .post("/api/v1/alerts/" + alertId + "/ack")
                .then()
                .statusCode(200);
        // twice is fine and publishes nothing more
        given().auth()
                .oauth2(Tokens.staff(shelter))
                .post("/api/v1/alerts/" + alertId + "/ack")
                .then()
                .statusCode(200);
        kafka.await(EventType.ALERT_ACKNOWLEDGED, proposed.referralId(), AlertAcknowledged.class);

        kafka.publish(EventType.PLACEMENT_ACCEPTED, SampleEvents.decided(proposed, null));
        await().atMost(Duration.ofSeconds(20))
                .until(
                        () -> given().auth()
                                .oauth2(Tokens.staff(shelter))
                                .get("/api/v1/alerts/" + alertId)
                                .then()
                                .extract()
                                .<String>path("status"),
                        "ACCEPTED"::equals);
        assertThat(kafka.records(EventType.ALERT_ESCALATED, proposed.referralId()))
                .isEmpty();
        assertThat(kafka.records(EventType.ALERT_ACKNOWLEDGED, proposed.referralId()))
                .hasSize(1);
        // already acknowledged: answering again is harmless, even once closed
        given().auth()
                .oauth2(Tokens.coordinator())
                .post("/api/v1/alerts/" + alertId + "/ack")
                .then()
                .statusCode(200);
    }

    @Test
    void withdrawnOffersAndCoordinatorsDecisionsAreMailedInBothLanguages() throws Exception {
        UUID shelter = UUID.randomUUID();
        String team = "equipe-" + shelter + "@foyer.example";
        String coordinators = "coordination-" + UUID.randomUUID() + "@acse.example";
        given().auth()
                .oauth2(Tokens.coordinator())
                .contentType("application/json")
                .body("{\"emails\":[\"" + team + "\"]}")
                .put("/api/v1/shelters/" + shelter + "/channels")
                .then()
                .statusCode(200);
        given().auth()
                .oauth2(Tokens.coordinator())
                .contentType("application/json")
                .body("{\"emails\":[\"" + coordinators + "\"]}")
                .put("/api/v1/coordination/channels")
                .then()
                .statusCode(200);

        // a parallel offer taken by another shelter: the team reads that there is nothing left to do
        PlacementProposed proposed = SampleEvents.proposed(shelter, Urgency.WITHIN_72H);
        kafka.publish(EventType.PLACEMENT_PROPOSED, proposed);
        kafka.publish(EventType.PLACEMENT_CANCELLED, SampleEvents.cancelled(proposed, Cancellation.OFFER_TAKEN, null));
        String withdrawn = mailTo(team, "Proposition retirée");
        assertThat(withdrawn).contains("Une autre structure a accepté").contains("Another shelter accepted");

        // the person did not arrive elsewhere: coordinators must decide
        PlacementProposed elsewhere = SampleEvents.proposed(UUID.randomUUID(), Urgency.WITHIN_72H);
        kafka.publish(EventType.PLACEMENT_PROPOSED, elsewhere);
        kafka.publish(EventType.PLACEMENT_ACCEPTED, SampleEvents.decided(elsewhere, null));
        kafka.publish(EventType.PLACEMENT_NO_SHOW, SampleEvents.decided(elsewhere, null));
        assertThat(mailTo(coordinators, elsewhere.pseudonym()))
                .contains("Personne non arrivée")
                .contains("did not arrive")
                .contains("/coordinator/decisions");

        // a possible duplicate
        ReferralSubmitted duplicate = SampleEvents.submitted(Tokens.ORG_A, Urgency.IMMEDIATE, UUID.randomUUID());
        kafka.publish(EventType.REFERRAL_SUBMITTED, duplicate);
        assertThat(mailTo(coordinators, duplicate.pseudonym()))
                .contains("Doublon possible")
                .contains("Possible duplicate");

        // a no-match nobody takes in hand: mailed at once, then escalated
        PlacementNoMatch noMatch = SampleEvents.noMatch(
                UUID.randomUUID(), "Bruant-" + shelter.toString().substring(0, 4), Urgency.IMMEDIATE);
        kafka.publish(EventType.PLACEMENT_NO_MATCH, noMatch);
        assertThat(mailTo(coordinators, "Aucune place trouvée", noMatch.pseudonym()))
                .contains("No place found");
        assertThat(mailTo(coordinators, "Escalade", noMatch.pseudonym()))
                .contains("Orientation sans place non prise en charge")
                .contains("No-match not handled");
        String alertId = TestAlerts.ofKind(noMatch.referralId(), "NO_MATCH").getString("items[0].id");
        given().auth()
                .oauth2(Tokens.coordinator())
                .post("/api/v1/alerts/" + alertId + "/ack")
                .then()
                .statusCode(200);
    }

    /**
     * The text of the first mail to this address whose subject contains all of these. Up to a minute: on a busy
     * machine one mail was once seen to take more than half a minute.
     */
    private static String mailTo(String address, String... subject) throws Exception {
        MimeMessage mail = await().atMost(Duration.ofSeconds(60))
                .until(
                        () -> Arrays.stream(GreenMailResource.smtp().getReceivedMessages())
                                .filter(m -> sentTo(m, address))
                                .filter(m -> Arrays.stream(subject).allMatch(subjectOf(m)::contains))
                                .toList(),
                        l -> !l.isEmpty())
                .get(0);
        return text(mail.getContent());
    }

    private static String subjectOf(MimeMessage m) {
        try {
            return String.valueOf(m.getSubject());
        } catch (Exception e) {
            return "";
        }
    }

    /** Every text part, decoded. */
    private static String text(Object content) throws Exception {
        if (content instanceof Multipart multipart) {
            StringBuilder sb = new StringBuilder();
            for (int i = 0; i < multipart.getCount(); i++) {
                sb.append(text(multipart.getBodyPart(i).getContent())).append('\n');
            }
            return sb.toString();
        }
        return String.valueOf(content);
    }

    private static boolean sentTo(MimeMessage m, String address) {
        try {
            return Arrays.stream(m.getAllRecipients())
                    .anyMatch(a -> a.toString().contains(address));
        } catch (Exception e) {
            return false;
        }
    }
}
