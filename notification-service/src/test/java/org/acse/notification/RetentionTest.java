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
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.acse.common.events.EventType;
import org.acse.common.events.PlacementProposed;
import org.acse.common.events.ReferralSubmitted;
import org.acse.common.events.Urgency;
import org.acse.notification.retention.RetentionJob;
import org.acse.platform.retention.MessageRetention;
import org.acse.testsupport.KafkaEvents;
import org.acse.testsupport.SchemaDump;
import org.acse.testsupport.Tokens;
import org.junit.jupiter.api.Test;

/**
 * Retention (ADR 11): 30 days after a referral closed, its alerts, deliveries (e-mail bodies, webhook payloads) and
 * origin are gone; an open referral keeps everything.
 */
@QuarkusTest
class RetentionTest {
    final KafkaEvents kafka = KafkaEvents.onSharedBroker();

    @Inject
    RetentionJob retention;

    @Inject
    MessageRetention messages;

    @Inject
    DataSource dataSource;

    @Test
    void aClosedReferralIsForgottenAndAnOpenOneKeepsItsAlerts() {
        UUID shelter = UUID.randomUUID();
        given().auth()
                .oauth2(Tokens.coordinator())
                .contentType("application/json")
                .body("{\"emails\":[\"equipe-" + shelter + "@foyer.example\"]}")
                .put("/api/v1/shelters/" + shelter + "/channels")
                .then()
                .statusCode(200);
        ReferralSubmitted closed = SampleEvents.submitted(Tokens.ORG_A, Urgency.IMMEDIATE, null);
        ReferralSubmitted open = SampleEvents.submitted(Tokens.ORG_A, Urgency.IMMEDIATE, closed.referralId());
        kafka.publish(EventType.REFERRAL_SUBMITTED, closed);
        kafka.publish(EventType.REFERRAL_SUBMITTED, open);
        PlacementProposed arriving = SampleEvents.proposed(closed, shelter);
        PlacementProposed waiting = SampleEvents.proposed(open, shelter);
        kafka.publish(EventType.PLACEMENT_PROPOSED, arriving);
        kafka.publish(EventType.PLACEMENT_PROPOSED, waiting);
        kafka.publish(EventType.PLACEMENT_ACCEPTED, SampleEvents.decided(arriving, null));
        kafka.publish(EventType.PLACEMENT_ARRIVED, SampleEvents.decided(arriving, null));
        await().atMost(Duration.ofSeconds(30))
                .until(() -> count("SELECT count(*) FROM referral_origin" + " WHERE referral_id = '"
                                        + closed.referralId() + "' AND status = 'ARRIVED'")
                                == 1
                        && count("SELECT count(*) FROM delivery WHERE referral_id = '" + closed.referralId() + "'") > 0
                        && count("SELECT count(*) FROM delivery WHERE referral_id = '" + open.referralId() + "'") > 0);
        long openDeliveries = count("SELECT count(*) FROM delivery WHERE referral_id = '" + open.referralId() + "'");

        assertThat(retention.run(Instant.now().plus(Duration.ofDays(29)))).isZero();
        assertThat(count("SELECT count(*) FROM alert WHERE referral_id = '" + closed.referralId() + "'"))
                .isEqualTo(1);

        assertThat(retention.run(Instant.now().plus(Duration.ofDays(31)))).isGreaterThanOrEqualTo(1);
        messages.run(Instant.now().plus(Duration.ofDays(36)));
        for (String table : List.of("alert", "delivery", "referral_origin")) {
            assertThat(count("SELECT count(*) FROM " + table + " WHERE referral_id = '" + closed.referralId() + "'"))
                    .as(table)
                    .isZero();
        }
        // The open referral keeps its alert (household, needs), its deliveries and its origin, but no longer names
        // the closed one as a possible duplicate.
        assertThat(count("SELECT count(*) FROM alert WHERE referral_id = '" + open.referralId() + "'"
                        + " AND kind = 'PROPOSAL' AND household IS NOT NULL AND needs IS NOT NULL"))
                .isEqualTo(1);
        assertThat(count("SELECT count(*) FROM delivery WHERE referral_id = '" + open.referralId() + "'"))
                .isGreaterThanOrEqualTo(openDeliveries);
        assertThat(count("SELECT count(*) FROM referral_origin WHERE referral_id = '" + open.referralId() + "'"))
                .isEqualTo(1);
        assertThat(count("SELECT count(*) FROM alert WHERE related_referral_id = '" + closed.referralId() + "'"))
                .isZero();

        // The canary: nothing left names the closed referral or its pseudonym with a household or the shelter.
        List<String> linked = Arrays.stream(dump().split("\n"))
                .filter(row -> row.contains(closed.referralId().toString()) || row.contains(closed.pseudonym()))
                .toList();
        assertThat(linked)
                .allSatisfy(row -> assertThat(row)
                        .doesNotContain(
                                shelter.toString(),
                                "childrenAges",
                                "FEMALE",
                                arriving.placementId().toString()));
        assertThat(retention.run(Instant.now().plus(Duration.ofDays(31)))).isZero();
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

    /** Every row of every table of the notification schema, as text. */
    private String dump() {
        return SchemaDump.of(dataSource, "notification");
    }
}
