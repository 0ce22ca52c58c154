package org.acse.placement.retention;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.acse.common.events.EventType;
import org.acse.common.events.PlacementProposed;
import org.acse.common.events.ReferralErased;
import org.acse.common.events.ReferralSubmitted;
import org.acse.common.events.ReferralWithdrawn;
import org.acse.placement.Fixtures;
import org.acse.testsupport.KafkaEvents;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Erasure on request (ADR 17): on {@code referral.erased} placement forgets the referral at once, as its retention
 * would after the delay; the placements stay for the figures, linked to nobody; a replay changes nothing.
 */
@QuarkusTest
class ErasureTest {
    private final KafkaEvents kafka = KafkaEvents.onSharedBroker();

    @Inject
    Fixtures fixtures;

    @BeforeEach
    void cleanNetwork() {
        fixtures.reset();
    }

    @Test
    void anErasedReferralIsForgottenAtOnceAndAReplayChangesNothing() {
        Fixtures.shelter(Fixtures.LYON, 2);
        ReferralSubmitted submitted = Fixtures.womanInNice();
        UUID id = submitted.referralId();
        kafka.publish(EventType.REFERRAL_SUBMITTED, submitted);
        PlacementProposed held = kafka.await(EventType.PLACEMENT_PROPOSED, id, PlacementProposed.class);
        UUID unrelated = UUID.randomUUID();
        ReferralSubmitted other = Fixtures.womanInNice();
        kafka.publish(EventType.REFERRAL_SUBMITTED, other);

        // As intake sends them for an open referral: withdrawn, then erased, on the same key.
        kafka.publish(EventType.REFERRAL_WITHDRAWN, new ReferralWithdrawn(id, Instant.now()));
        UUID erasedEvent = UUID.randomUUID();
        kafka.publish(EventType.REFERRAL_ERASED, new ReferralErased(id, Instant.now()), erasedEvent);
        awaitProcessed(erasedEvent);

        assertThat(fixtures.referralStatus(id)).isNull();
        assertThat(fixtures.count("SELECT count(*) FROM placement WHERE id = '" + held.placementId() + "'"
                        + " AND referral_id IS NULL AND status = 'CANCELLED' AND meeting_point_ciphertext IS NULL"
                        + " AND comment_ciphertext IS NULL"))
                .isEqualTo(1);
        assertThat(fixtures.count("SELECT count(*) FROM outcome WHERE referral_id = '" + id + "'"))
                .isZero();
        await().atMost(Duration.ofSeconds(30))
                .until(() -> fixtures.referralStatus(other.referralId()) != null
                        && !fixtures.referralStatus(other.referralId()).equals("SEARCHING"));
        String before = state(held.placementId(), other.referralId());

        // A replay of the same event, and an erasure of a referral this service never knew: nothing changes.
        kafka.publish(EventType.REFERRAL_ERASED, new ReferralErased(id, Instant.now()), erasedEvent);
        UUID unknown = UUID.randomUUID();
        kafka.publish(EventType.REFERRAL_ERASED, new ReferralErased(unrelated, Instant.now()), unknown);
        awaitProcessed(unknown);
        assertThat(fixtures.count("SELECT count(*) FROM processed_event WHERE event_id = '" + erasedEvent + "'"))
                .isEqualTo(1);
        assertThat(state(held.placementId(), other.referralId())).isEqualTo(before);
    }

    /** The erased referral's placement, and another referral with its placements, as text. */
    private String state(UUID placement, UUID other) {
        return fixtures.list("SELECT p::text FROM placement p WHERE id = '" + placement + "'")
                + "\n"
                + fixtures.list("SELECT r::text FROM referral r WHERE id = '" + other + "'")
                + "\n"
                + fixtures.list("SELECT p::text FROM placement p WHERE referral_id = '" + other + "' ORDER BY id");
    }

    private void awaitProcessed(UUID eventId) {
        await().atMost(Duration.ofSeconds(30))
                .until(() ->
                        fixtures.count("SELECT count(*) FROM processed_event WHERE event_id = '" + eventId + "'") == 1);
    }
}
