package org.acse.notification;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.acse.common.events.EventType;
import org.acse.common.events.PlacementProposed;
import org.acse.common.events.Urgency;
import org.acse.notification.delivery.WebhookSignature;
import org.acse.suite.WebhookReceiver;
import org.acse.testsupport.KafkaEvents;
import org.acse.testsupport.Tokens;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/** placement.proposed on the real broker → one alert → a signed webhook to the receiving shelter. */
@QuarkusTest
class WebhookDeliveryTest {
    static final String SECRET = "shelter-webhook-secret-0123456789";
    static final WebhookReceiver receiver = new WebhookReceiver();
    final KafkaEvents kafka = KafkaEvents.onSharedBroker();

    @AfterAll
    static void close() {
        receiver.close();
    }

    static void webhookFor(UUID shelterId, String url) {
        given().auth().oauth2(Tokens.staff(shelterId)).contentType("application/json")
                .body("{\"emails\":[],\"webhookUrl\":\"" + url + "\",\"webhookSecret\":\"" + SECRET + "\"}")
                .put("/api/v1/shelters/" + shelterId + "/channels").then().statusCode(200);
    }

    @Test
    void proposalReachesTheShelterAsASignedWebhookAndTwiceTheSameEventAlertsOnce() {
        double delivered = Metrics.value("acse_alert_delivery_seconds_count", "channel", "webhook");
        UUID shelter = UUID.randomUUID();
        String path = "/shelter-" + shelter;
        webhookFor(shelter, receiver.url(path));
        PlacementProposed proposed = SampleEvents.proposed(shelter, Urgency.WITHIN_72H);
        UUID eventId = UUID.randomUUID();
        kafka.publish(EventType.PLACEMENT_PROPOSED, proposed, eventId);
        kafka.publish(EventType.PLACEMENT_PROPOSED, proposed, eventId);
        // the same proposal under another event id (a producer retry) must not alert again either
        kafka.publish(EventType.PLACEMENT_PROPOSED, proposed);

        WebhookReceiver.Delivery delivery = await().atMost(Duration.ofSeconds(20))
                .until(() -> receiver.deliveries(path), d -> !d.isEmpty()).get(0);
        assertThat(delivery.header("X-Acse-Event")).isEqualTo(EventType.PLACEMENT_PROPOSED.type());
        assertThat(delivery.header("X-Acse-Delivery")).matches("[0-9a-f-]{36}");
        long timestamp = Long.parseLong(delivery.header("X-Acse-Timestamp"));
        assertThat(Math.abs(Instant.now().getEpochSecond() - timestamp)).isLessThan(60);
        assertThat(delivery.header("X-Acse-Signature"))
                .isEqualTo(WebhookSignature.sign(SECRET, timestamp, delivery.body()));
        assertThat(WebhookSignature.verify("another-secret-0123456789", delivery.header("X-Acse-Timestamp"),
                delivery.body(), delivery.header("X-Acse-Signature"))).isFalse();

        JsonPath body = JsonPath.from(delivery.body());
        assertThat(body.getString("pseudonym")).isEqualTo(proposed.pseudonym());
        assertThat(body.getString("referralId")).isEqualTo(proposed.referralId().toString());
        assertThat(body.getString("placementId")).isEqualTo(proposed.placementId().toString());
        assertThat(body.getInt("household.size")).isEqualTo(3);
        assertThat(body.getList("household.childrenAges", Integer.class)).containsExactly(4, 9);
        assertThat(body.getBoolean("needs.interpreter")).isTrue();
        assertThat(body.getList("languages", String.class)).containsExactly("fr", "ro");
        assertThat(body.getString("urgency")).isEqualTo("WITHIN_72H");
        assertThat(body.getString("holdExpiresAt")).isNotNull();
        assertThat(body.getString("expectedArrival.until")).isNotNull();
        assertThat(body.getString("dashboardUrl")).contains("/dashboard/");
        assertThat(delivery.body()).doesNotContainIgnoringCase("firstName").doesNotContainIgnoringCase("birth")
                .doesNotContainIgnoringCase("phone").doesNotContainIgnoringCase("notes")
                .doesNotContainIgnoringCase("address");

        JsonPath alerts = given().auth().oauth2(Tokens.staff(shelter)).get("/api/v1/alerts")
                .then().statusCode(200).extract().jsonPath();
        assertThat(alerts.getInt("total")).isEqualTo(1);
        assertThat(alerts.getString("items[0].status")).isEqualTo("OPEN");
        assertThat(alerts.getString("items[0].shelterId")).isEqualTo(shelter.toString());

        // the delivery is recorded for coordinators
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            JsonPath deliveries = given().auth().oauth2(Tokens.coordinator())
                    .queryParam("referralId", proposed.referralId()).get("/api/v1/deliveries")
                    .then().statusCode(200).extract().jsonPath();
            assertThat(deliveries.getList("items.status", String.class)).containsExactly("DELIVERED");
            assertThat(deliveries.getList("items.channel", String.class)).containsExactly("WEBHOOK");
            assertThat(deliveries.getList("items.attempts", Integer.class)).containsExactly(1);
        });
        // and nothing more arrives later (a late duplicate would show up as a second request)
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(3))
                .until(() -> receiver.deliveries(path).size() == 1);
        // other tests' deliveries may land meanwhile: at least this one is timed
        assertThat(Metrics.value("acse_alert_delivery_seconds_count", "channel", "webhook") - delivered)
                .isGreaterThanOrEqualTo(1);
        assertThat(Metrics.value("acse_alert_delivery_seconds_bucket", "channel", "webhook", "le", "+Inf")
                - delivered).isGreaterThanOrEqualTo(1);
    }

    @Test
    void aFailingWebhookIsRetriedWithBackoff() {
        UUID shelter = UUID.randomUUID();
        String path = "/retry-" + shelter;
        webhookFor(shelter, receiver.url(path));
        receiver.failNext(1);
        PlacementProposed proposed = SampleEvents.proposed(shelter, Urgency.WITHIN_7_DAYS);
        kafka.publish(EventType.PLACEMENT_PROPOSED, proposed);

        List<WebhookReceiver.Delivery> got = await().atMost(Duration.ofSeconds(20))
                .until(() -> receiver.deliveries(path), d -> d.size() >= 2);
        // the retry is the same delivery, signed again
        assertThat(got.get(1).header("X-Acse-Delivery")).isEqualTo(got.get(0).header("X-Acse-Delivery"));
        assertThat(got.get(1).body()).isEqualTo(got.get(0).body());
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            JsonPath deliveries = given().auth().oauth2(Tokens.coordinator())
                    .queryParam("referralId", proposed.referralId()).get("/api/v1/deliveries")
                    .then().statusCode(200).extract().jsonPath();
            assertThat(deliveries.getList("items.status", String.class)).containsExactly("DELIVERED");
            assertThat(deliveries.getList("items.attempts", Integer.class)).containsExactly(2);
        });
    }

    @Test
    void aWebhookThatNeverAnswersIsMarkedFailedAndCoordinatorsAreTold() {
        double failures = Metrics.value("acse_alert_delivery_failures_total", "channel", "webhook");
        String coordinationPath = "/coordination-" + UUID.randomUUID();
        given().auth().oauth2(Tokens.coordinator()).contentType("application/json")
                .body("{\"webhookUrl\":\"" + receiver.url(coordinationPath) + "\",\"webhookSecret\":\"" + SECRET + "\"}")
                .put("/api/v1/coordination/channels").then().statusCode(200);
        UUID shelter = UUID.randomUUID();
        // nothing listens there: every attempt fails
        webhookFor(shelter, "http://127.0.0.1:9/nowhere");
        PlacementProposed proposed = SampleEvents.proposed(shelter, Urgency.WITHIN_7_DAYS);
        kafka.publish(EventType.PLACEMENT_PROPOSED, proposed);

        WebhookReceiver.Delivery told = await().atMost(Duration.ofSeconds(30))
                .until(() -> receiver.deliveries(coordinationPath), d -> !d.isEmpty()).get(0);
        assertThat(told.header("X-Acse-Event")).isEqualTo("org.acse.delivery.failed.v1");
        assertThat(JsonPath.from(told.body()).getString("referralId")).isEqualTo(proposed.referralId().toString());
        assertThat(JsonPath.from(told.body()).getInt("attempts")).isEqualTo(3);

        JsonPath failed = given().auth().oauth2(Tokens.coordinator()).queryParam("status", "FAILED")
                .queryParam("referralId", proposed.referralId()).get("/api/v1/deliveries")
                .then().statusCode(200).extract().jsonPath();
        assertThat(failed.getInt("total")).isEqualTo(1);
        assertThat(failed.getString("items[0].recipientId")).isEqualTo(shelter.toString());
        assertThat(failed.getString("items[0].lastError")).isNotBlank();
        // every failed attempt counts (3 here), by channel
        assertThat(Metrics.value("acse_alert_delivery_failures_total", "channel", "webhook") - failures)
                .isGreaterThanOrEqualTo(3);
    }
}
