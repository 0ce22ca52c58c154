package org.acse.notification;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.acse.common.events.EventType;
import org.acse.common.events.PlacementProposed;
import org.acse.common.events.ReferralErased;
import org.acse.common.events.ReferralSubmitted;
import org.acse.common.events.ReferralWithdrawn;
import org.acse.common.events.Urgency;
import org.acse.testsupport.KafkaEvents;
import org.acse.testsupport.Tokens;
import org.junit.jupiter.api.Test;

/**
 * Erasure on request (ADR 17): on {@code referral.erased} the referral's alerts, deliveries and origin go at once, as
 * the retention would remove them after the delay; another referral keeps its own; a replay changes nothing.
 */
@QuarkusTest
class ErasureTest {
    final KafkaEvents kafka = KafkaEvents.onSharedBroker();

    @Inject
    DataSource dataSource;

    @Test
    void anErasedReferralIsForgottenAtOnceAndAReplayChangesNothing() {
        UUID shelter = UUID.randomUUID();
        given().auth()
                .oauth2(Tokens.coordinator())
                .contentType("application/json")
                .body("{\"emails\":[\"equipe-" + shelter + "@foyer.example\"]}")
                .put("/api/v1/shelters/" + shelter + "/channels")
                .then()
                .statusCode(200);
        ReferralSubmitted erased = SampleEvents.submitted(Tokens.ORG_A, Urgency.IMMEDIATE, null);
        ReferralSubmitted kept = SampleEvents.submitted(Tokens.ORG_A, Urgency.IMMEDIATE, erased.referralId());
        kafka.publish(EventType.REFERRAL_SUBMITTED, erased);
        kafka.publish(EventType.REFERRAL_SUBMITTED, kept);
        PlacementProposed held = SampleEvents.proposed(erased, shelter);
        kafka.publish(EventType.PLACEMENT_PROPOSED, held);
        kafka.publish(EventType.PLACEMENT_PROPOSED, SampleEvents.proposed(kept, shelter));
        await().atMost(Duration.ofSeconds(30))
                .until(() -> count("SELECT count(*) FROM delivery WHERE referral_id = '" + erased.referralId() + "'")
                                > 0
                        && count("SELECT count(*) FROM delivery WHERE referral_id = '" + kept.referralId() + "'") > 0
                        && count("SELECT count(*) FROM alert WHERE related_referral_id = '" + erased.referralId() + "'")
                                > 0);

        // As intake sends them for an open referral: withdrawn, then erased, on the same key.
        kafka.publish(EventType.REFERRAL_WITHDRAWN, new ReferralWithdrawn(erased.referralId(), Instant.now()));
        UUID event = UUID.randomUUID();
        kafka.publish(EventType.REFERRAL_ERASED, new ReferralErased(erased.referralId(), Instant.now()), event);
        awaitProcessed(event);

        for (String table : List.of("alert", "delivery", "referral_origin")) {
            assertThat(count("SELECT count(*) FROM " + table + " WHERE referral_id = '" + erased.referralId() + "'"))
                    .as(table)
                    .isZero();
        }
        assertThat(count("SELECT count(*) FROM alert WHERE related_referral_id = '" + erased.referralId() + "'"))
                .isZero();
        assertThat(query("SELECT a::text FROM notification.alert a"))
                .doesNotContain(held.placementId().toString());
        String keptBefore = keptState(kept.referralId());
        assertThat(keptBefore).contains(kept.referralId().toString());

        // A replay of the same event, and an erasure of a referral this service never knew: nothing changes.
        kafka.publish(EventType.REFERRAL_ERASED, new ReferralErased(erased.referralId(), Instant.now()), event);
        UUID unknown = UUID.randomUUID();
        kafka.publish(EventType.REFERRAL_ERASED, new ReferralErased(UUID.randomUUID(), Instant.now()), unknown);
        awaitProcessed(unknown);
        assertThat(count("SELECT count(*) FROM processed_event WHERE event_id = '" + event + "'"))
                .isEqualTo(1);
        assertThat(keptState(kept.referralId())).isEqualTo(keptBefore);
    }

    /** The other referral's alerts and origin (deliveries move on as they are sent). */
    private String keptState(UUID referral) {
        return query("SELECT a.id::text || a.kind || a.household::text FROM notification.alert a WHERE referral_id = '"
                        + referral + "' ORDER BY id")
                + query("SELECT o.referral_id::text FROM notification.referral_origin o WHERE referral_id = '"
                        + referral + "'");
    }

    private void awaitProcessed(UUID eventId) {
        await().atMost(Duration.ofSeconds(30))
                .until(() -> count("SELECT count(*) FROM processed_event WHERE event_id = '" + eventId + "'") == 1);
    }

    private long count(String sql) {
        try (Connection c = dataSource.getConnection();
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private String query(String sql) {
        StringBuilder rows = new StringBuilder();
        try (Connection c = dataSource.getConnection();
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                rows.append(rs.getString(1)).append('\n');
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return rows.toString();
    }
}
