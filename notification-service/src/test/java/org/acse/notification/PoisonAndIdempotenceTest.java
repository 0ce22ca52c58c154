package org.acse.notification;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.acse.common.events.CloudEventHeaders;
import org.acse.common.events.EventType;
import org.acse.common.events.PlacementProposed;
import org.acse.common.events.Topics;
import org.acse.common.events.Urgency;
import org.acse.testsupport.KafkaEvents;
import org.acse.testsupport.Tokens;
import org.junit.jupiter.api.Test;

/** A poison record goes to the dead-letter topic and the consumer goes on with the next one. */
@QuarkusTest
class PoisonAndIdempotenceTest {
    final KafkaEvents kafka = KafkaEvents.onSharedBroker();

    @Test
    void poisonGoesToTheDeadLetterTopicAndTheConsumerGoesOn() {
        double deadLetters = Metrics.value("acse_dlq_messages_total", "topic", Topics.PLACEMENTS);
        UUID shelter = UUID.randomUUID();
        PlacementProposed proposed = SampleEvents.proposed(shelter, Urgency.WITHIN_7_DAYS);
        String poisonKey = proposed.referralId().toString();
        kafka.publishRaw(
                Topics.PLACEMENTS,
                poisonKey,
                "{not json",
                Map.of(
                        CloudEventHeaders.ID, UUID.randomUUID().toString(),
                        CloudEventHeaders.TYPE, EventType.PLACEMENT_PROPOSED.type(),
                        CloudEventHeaders.SPEC_VERSION, "1.0"));
        // same key, so same partition: it comes after the poison
        kafka.publish(EventType.PLACEMENT_PROPOSED, proposed);

        await().atMost(Duration.ofSeconds(30))
                .until(() -> kafka.records(Topics.deadLetter(Topics.PLACEMENTS)).stream()
                        .anyMatch(r -> poisonKey.equals(r.key())));
        await().atMost(Duration.ofSeconds(30))
                .until(
                        () -> given().auth()
                                .oauth2(Tokens.staff(shelter))
                                .get("/api/v1/alerts")
                                .then()
                                .extract()
                                .<Integer>path("total"),
                        t -> t == 1);
        assertThat(kafka.records(Topics.deadLetter(Topics.PLACEMENTS)).stream().filter(r -> poisonKey.equals(r.key())))
                .hasSize(1);
        assertThat(Metrics.value("acse_dlq_messages_total", "topic", Topics.PLACEMENTS) - deadLetters)
                .isEqualTo(1);
    }

    @Test
    void aReferralEventWithoutCloudEventHeadersIsPoisonToo() {
        String key = UUID.randomUUID().toString();
        double deadLetters = Metrics.value("acse_dlq_messages_total", "topic", Topics.REFERRALS);
        kafka.publishRaw(Topics.REFERRALS, key, "{}", Map.of());
        await().atMost(Duration.ofSeconds(30))
                .until(() -> kafka.records(Topics.deadLetter(Topics.REFERRALS)).stream()
                        .anyMatch(r -> key.equals(r.key())));
        assertThat(Metrics.value("acse_dlq_messages_total", "topic", Topics.REFERRALS) - deadLetters)
                .isEqualTo(1);
    }
}
