package org.acse.notification;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import org.acse.common.events.EventType;
import org.acse.common.events.PlacementProposed;
import org.acse.common.events.Urgency;
import org.acse.notification.delivery.WebhookSignature;
import org.acse.suite.WebhookReceiver;
import org.acse.testsupport.KafkaEvents;
import org.acse.testsupport.Tokens;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * placement.proposed on the real broker → one alert → a webhook to the receiving shelter, signed after Standard
 * Webhooks and checked with the specification's reference library, as a partner's receiver would.
 */
@QuarkusTest
class WebhookDeliveryTest {
    static final String SECRET = "whsec_c2hlbHRlci13ZWJob29rLXNlY3JldC0wMTIzNDU2Nzg5";
    static final String ANOTHER_SECRET = "whsec_YW5vdGhlci13ZWJob29rLXNlY3JldC0wMTIzNDU2Nzg5";
    static final WebhookReceiver receiver = new WebhookReceiver();
    final KafkaEvents kafka = KafkaEvents.onSharedBroker();

    @AfterAll
    static void close() {
        receiver.close();
    }

    static void webhookFor(UUID shelterId, String url) {
        given().auth()
                .oauth2(Tokens.staff(shelterId))
                .contentType("application/json")
                .body("{\"emails\":[],\"webhookUrl\":\"" + url + "\",\"webhookSecret\":\"" + SECRET + "\"}")
                .put("/api/v1/shelters/" + shelterId + "/channels")
                .then()
                .statusCode(200);
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
                .until(() -> receiver.deliveries(path), d -> !d.isEmpty())
                .get(0);
        assertThat(delivery.header("X-Acse-Event")).isEqualTo(EventType.PLACEMENT_PROPOSED.type());
        // Standard Webhooks: webhook-id, webhook-timestamp, webhook-signature: v1,<base64>
        String id = delivery.header("webhook-id");
        assertThat(id).matches("[0-9a-f-]{36}");
        long timestamp = Long.parseLong(delivery.header("webhook-timestamp"));
        assertThat(Math.abs(Instant.now().getEpochSecond() - timestamp)).isLessThan(60);
        assertThat(delivery.header("webhook-signature"))
                .matches("v1,[A-Za-z0-9+/]{43}=")
                .isEqualTo(WebhookSignature.sign(SECRET, id, timestamp, delivery.body()));
        // what a receiver does with the specification's own library
        assertThat(StandardWebhooksReference.verify(delivery, SECRET).valid()).isTrue();
        assertThat(StandardWebhooksReference.verify(delivery, ANOTHER_SECRET).valid())
                .isFalse();
        assertThat(StandardWebhooksReference.verify(
                                delivery.body().replace("WITHIN_72H", "IMMEDIATE"), delivery.headers(), SECRET)
                        .valid())
                .isFalse();

        JsonPath body = JsonPath.from(delivery.body());
        assertThat(body.getString("pseudonym")).isEqualTo(proposed.pseudonym());
        assertThat(body.getString("referralId")).isEqualTo(proposed.referralId().toString());
        assertThat(body.getString("placementId"))
                .isEqualTo(proposed.placementId().toString());
        assertThat(body.getInt("household.size")).isEqualTo(3);
        assertThat(body.getList("household.childrenAges", Integer.class)).containsExactly(4, 9);
        assertThat(body.getBoolean("needs.interpreter")).isTrue();
        assertThat(body.getList("languages", String.class)).containsExactly("fr", "ro");
        assertThat(body.getString("urgency")).isEqualTo("WITHIN_72H");
        assertThat(body.getString("holdExpiresAt")).isNotNull();
        assertThat(body.getString("expectedArrival.until")).isNotNull();
        assertThat(body.getString("dashboardUrl")).endsWith("/staff");
        assertThat(delivery.body())
                .doesNotContainIgnoringCase("firstName")
                .doesNotContainIgnoringCase("birth")
                .doesNotContainIgnoringCase("phone")
                .doesNotContainIgnoringCase("notes")
                .doesNotContainIgnoringCase("address");

        JsonPath alerts = given().auth()
                .oauth2(Tokens.staff(shelter))
                .get("/api/v1/alerts")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertThat(alerts.getInt("total")).isEqualTo(1);
        assertThat(alerts.getString("items[0].status")).isEqualTo("OPEN");
        assertThat(alerts.getString("items[0].shelterId")).isEqualTo(shelter.toString());

        // the delivery is recorded for coordinators
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            JsonPath deliveries = given().auth()
                    .oauth2(Tokens.coordinator())
                    .queryParam("referralId", proposed.referralId())
                    .get("/api/v1/deliveries")
                    .then()
                    .statusCode(200)
                    .extract()
                    .jsonPath();
            assertThat(deliveries.getList("items.status", String.class)).containsExactly("DELIVERED");
            assertThat(deliveries.getList("items.channel", String.class)).containsExactly("WEBHOOK");
            assertThat(deliveries.getList("items.attempts", Integer.class)).containsExactly(1);
        });
        // and nothing more arrives later (a late duplicate would show up as a second request)
        await().during(Duration.ofSeconds(1))
                .atMost(Duration.ofSeconds(3))
                .until(() -> receiver.deliveries(path).size() == 1);
        // other tests' deliveries may land meanwhile: at least this one is timed
        assertThat(Metrics.value("acse_alert_delivery_seconds_count", "channel", "webhook") - delivered)
                .isGreaterThanOrEqualTo(1);
        assertThat(Metrics.value("acse_alert_delivery_seconds_bucket", "channel", "webhook", "le", "+Inf") - delivered)
                .isGreaterThanOrEqualTo(1);
    }

    @Test
    void aFailingWebhookIsRetriedWithBackoff() {
        UUID shelter = UUID.randomUUID();
        String path = "/retry-" + shelter;
        webhookFor(shelter, receiver.url(path));
        receiver.failNext(1);
        PlacementProposed proposed = SampleEvents.proposed(shelter, Urgency.WITHIN_7_DAYS);
        kafka.publish(EventType.PLACEMENT_PROPOSED, proposed);

        List<WebhookReceiver.Delivery> got =
                await().atMost(Duration.ofSeconds(20)).until(() -> receiver.deliveries(path), d -> d.size() >= 2);
        // the retry is the same delivery (the same webhook-id, for the receiver to drop a repeat), signed again
        assertThat(got.get(1).header("webhook-id")).isEqualTo(got.get(0).header("webhook-id"));
        assertThat(got.get(1).body()).isEqualTo(got.get(0).body());
        assertThat(got)
                .allSatisfy(d -> assertThat(
                                StandardWebhooksReference.verify(d, SECRET).valid())
                        .isTrue());
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            JsonPath deliveries = given().auth()
                    .oauth2(Tokens.coordinator())
                    .queryParam("referralId", proposed.referralId())
                    .get("/api/v1/deliveries")
                    .then()
                    .statusCode(200)
                    .extract()
                    .jsonPath();
            assertThat(deliveries.getList("items.status", String.class)).containsExactly("DELIVERED");
            assertThat(deliveries.getList("items.attempts", Integer.class)).containsExactly(2);
        });
    }

    @Test
    void aWebhookThatNeverAnswersIsMarkedFailedAndCoordinatorsAreTold() {
        double failures = Metrics.value("acse_alert_delivery_failures_total", "channel", "webhook");
        String coordinationPath = "/coordination-" + UUID.randomUUID();
        given().auth()
                .oauth2(Tokens.coordinator())
                .contentType("application/json")
                .body("{\"webhookUrl\":\"" + receiver.url(coordinationPath) + "\",\"webhookSecret\":\"" + SECRET
                        + "\"}")
                .put("/api/v1/coordination/channels")
                .then()
                .statusCode(200);
        UUID shelter = UUID.randomUUID();
        // nothing listens there: every attempt fails
        webhookFor(shelter, "http://127.0.0.1:9/nowhere");
        PlacementProposed proposed = SampleEvents.proposed(shelter, Urgency.WITHIN_7_DAYS);
        kafka.publish(EventType.PLACEMENT_PROPOSED, proposed);

        // the coordination channel is the whole service's: other tests' escalations may reach it too
        WebhookReceiver.Delivery told = await().atMost(Duration.ofSeconds(30))
                .until(
                        () -> receiver.deliveries(coordinationPath).stream()
                                .filter(d ->
                                        d.body().contains(proposed.referralId().toString()))
                                .toList(),
                        d -> !d.isEmpty())
                .get(0);
        assertThat(told.header("X-Acse-Event")).isEqualTo("org.acse.delivery.failed.v1");
        assertThat(JsonPath.from(told.body()).getString("referralId"))
                .isEqualTo(proposed.referralId().toString());
        assertThat(StandardWebhooksReference.verify(told, SECRET).valid()).isTrue();
        assertThat(JsonPath.from(told.body()).getInt("attempts")).isEqualTo(3);

        JsonPath failed = given().auth()
                .oauth2(Tokens.coordinator())
                .queryParam("status", "FAILED")
                .queryParam("referralId", proposed.referralId())
                .get("/api/v1/deliveries")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertThat(failed.getInt("total")).isEqualTo(1);
        assertThat(failed.getString("items[0].recipientId")).isEqualTo(shelter.toString());
        assertThat(failed.getString("items[0].lastError")).isNotBlank();
        // every failed attempt counts (3 here), by channel
        assertThat(Metrics.value("acse_alert_delivery_failures_total", "channel", "webhook") - failures)
                .isGreaterThanOrEqualTo(3);
    }

    @Test
    void aChannelSavedWithoutASecretGetsOneOnceAndItsDeliveriesVerifyWithTheReferenceLibrary() {
        UUID shelter = UUID.randomUUID();
        String path = "/made-secret-" + shelter;
        String secret = given().auth()
                .oauth2(Tokens.staff(shelter))
                .contentType("application/json")
                .body("{\"emails\":[],\"webhookUrl\":\"" + receiver.url(path) + "\"}")
                .put("/api/v1/shelters/" + shelter + "/channels")
                .then()
                .statusCode(200)
                .body("webhookSecretSet", Matchers.is(true))
                .extract()
                .path("webhookSecret");
        assertThat(secret).startsWith("whsec_");
        assertThat(Base64.getDecoder().decode(secret.substring("whsec_".length())))
                .hasSize(32);
        // shown once: neither a read nor the next save repeats it, and the next save keeps it
        assertThat(given().auth()
                        .oauth2(Tokens.staff(shelter))
                        .get("/api/v1/shelters/" + shelter + "/channels")
                        .then()
                        .statusCode(200)
                        .extract()
                        .asString())
                .doesNotContain(secret)
                .doesNotContain("whsec_");
        assertThat(given().auth()
                        .oauth2(Tokens.staff(shelter))
                        .contentType("application/json")
                        .body("{\"emails\":[],\"webhookUrl\":\"" + receiver.url(path) + "\"}")
                        .put("/api/v1/shelters/" + shelter + "/channels")
                        .then()
                        .statusCode(200)
                        .extract()
                        .asString())
                .doesNotContain("whsec_");

        // not IMMEDIATE: its escalation, 2 s later here, would reach whatever coordination channel another test set
        kafka.publish(EventType.PLACEMENT_PROPOSED, SampleEvents.proposed(shelter, Urgency.WITHIN_7_DAYS));
        WebhookReceiver.Delivery delivery = await().atMost(Duration.ofSeconds(20))
                .until(() -> receiver.deliveries(path), d -> !d.isEmpty())
                .get(0);
        StandardWebhooksReference.Outcome outcome = StandardWebhooksReference.verify(delivery, secret);
        assertThat(outcome.valid()).as(outcome.reason()).isTrue();
    }

    @Test
    void aSecretNotInTheStandardWebhooksFormIsRefusedNamingTheField() {
        UUID shelter = UUID.randomUUID();
        for (String secret : List.of(
                "shelter-webhook-secret-0123456789",
                "whsec_",
                "whsec_not base64!",
                "whsec_c2hvcnQ=",
                "whsec_" + Base64.getEncoder().encodeToString(new byte[65]),
                "whsec_c2hlbHRlci13ZWJob29rLXNlY3JldC0wMTIzNDU2Nzg5".replace("=", "") + "x")) {
            given().auth()
                    .oauth2(Tokens.staff(shelter))
                    .contentType("application/json")
                    .body("{\"emails\":[],\"webhookUrl\":\"https://hooks.example/a\",\"webhookSecret\":\"" + secret
                            + "\"}")
                    .put("/api/v1/shelters/" + shelter + "/channels")
                    .then()
                    .statusCode(400)
                    .contentType("application/problem+json")
                    .body("errors.field", Matchers.contains("webhookSecret"));
        }
        given().auth()
                .oauth2(Tokens.staff(shelter))
                .get("/api/v1/shelters/" + shelter + "/channels")
                .then()
                .statusCode(200)
                .body("webhookSecretSet", Matchers.is(false));
    }
}
