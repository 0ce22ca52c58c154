package org.acse.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URL;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.acse.common.events.EventType;
import org.acse.common.events.PlacementProposed;
import org.acse.common.events.ReferralSubmitted;
import org.acse.common.events.Urgency;
import org.acse.testsupport.KafkaEvents;
import org.acse.testsupport.TestIssuer;
import org.acse.testsupport.Tokens;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/**
 * The live stream on every instance (ADR 14): an alert changed by any instance reaches the streams of this one,
 * each viewer still sees only what it may, the stream survives the loss of its database connection and misses
 * nothing announced meanwhile, and it ends
 * when the token that opened it expires.
 */
@QuarkusTest
class AlertStreamTest {
    final KafkaEvents kafka = KafkaEvents.onSharedBroker();

    @TestHTTPResource("/")
    URL base;

    @ConfigProperty(name = "quarkus.datasource.jdbc.url")
    String url;

    @ConfigProperty(name = "quarkus.datasource.username")
    String username;

    @ConfigProperty(name = "quarkus.datasource.password")
    Optional<String> password;

    @Test
    void anAlertChangedByAnotherInstanceReachesTheStreamsOfThisOneForThoseWhoMaySeeIt() throws SQLException {
        UUID shelter = UUID.randomUUID();
        PlacementProposed proposed = SampleEvents.proposed(shelter, Urgency.IMMEDIATE);
        kafka.publish(EventType.PLACEMENT_PROPOSED, proposed);
        String alertId = awaitAlert(proposed.referralId());

        try (AlertStream team = AlertStream.open(baseUrl(), Tokens.staff(shelter));
                AlertStream coordinators = AlertStream.open(baseUrl(), Tokens.coordinator());
                AlertStream otherTeam = AlertStream.open(baseUrl(), Tokens.staff(UUID.randomUUID()))) {
            // what another instance does when its team acknowledges: the change and the announcement, one commit
            try (Connection other = connect()) {
                other.setAutoCommit(false);
                try (PreparedStatement ack = other.prepareStatement(
                        "update notification.alert set status = 'ACKNOWLEDGED', acknowledged_at = now(),"
                                + " updated_at = now() where id = ?")) {
                    ack.setObject(1, UUID.fromString(alertId));
                    assertThat(ack.executeUpdate()).isOne();
                }
                try (PreparedStatement notify = other.prepareStatement("select pg_notify(?, ?)")) {
                    notify.setString(1, "notification_alerts");
                    notify.setString(2, "alert:" + alertId);
                    notify.execute();
                }
                other.commit();
            }

            await().atMost(Duration.ofSeconds(60))
                    .until(() -> team.mentioning(alertId).stream().anyMatch(d -> d.contains("ACKNOWLEDGED")));
            await().atMost(Duration.ofSeconds(60))
                    .until(() -> coordinators.mentioning(alertId).stream().anyMatch(d -> d.contains("ACKNOWLEDGED")));
            assertThat(otherTeam.mentioning(alertId)).isEmpty();
        }
    }

    @Test
    void afterTheDatabaseConnectionIsLostTheStreamStillReceivesNewAlerts() throws SQLException {
        List<Integer> before = listenerBackends();
        await().atMost(Duration.ofSeconds(60)).until(() -> !listenerBackends().isEmpty());
        try (Connection admin = connect();
                PreparedStatement kill = admin.prepareStatement("select pg_terminate_backend(pid) from pg_stat_activity"
                        + " where application_name = ? and datname = current_database()")) {
            kill.setString(1, "notification-alert-listener");
            kill.execute();
        }
        await().atMost(Duration.ofSeconds(60))
                .until(() -> !listenerBackends().isEmpty() && !before.containsAll(listenerBackends()));

        UUID shelter = UUID.randomUUID();
        try (AlertStream team = AlertStream.open(baseUrl(), Tokens.staff(shelter))) {
            PlacementProposed proposed = SampleEvents.proposed(shelter, Urgency.IMMEDIATE);
            kafka.publish(EventType.PLACEMENT_PROPOSED, proposed);
            await().atMost(Duration.ofSeconds(60))
                    .until(() -> !team.mentioning(proposed.placementId()).isEmpty());
        }
    }

    @Test
    void aChangeAnnouncedWhileTheListenerWasLostStillReachesTheStreamsLeftOpen() throws SQLException {
        UUID shelter = UUID.randomUUID();
        PlacementProposed proposed = SampleEvents.proposed(shelter, Urgency.IMMEDIATE);
        kafka.publish(EventType.PLACEMENT_PROPOSED, proposed);
        String alertId = awaitAlert(proposed.referralId());
        await().atMost(Duration.ofSeconds(60)).until(() -> !listenerBackends().isEmpty());

        try (AlertStream team = AlertStream.open(baseUrl(), Tokens.staff(shelter))) {
            try (Connection other = connect()) {
                // the listener's backend gone (waiting until it is), then a change announced before it listens again
                try (PreparedStatement kill =
                        other.prepareStatement("select pg_terminate_backend(pid, 10000) from pg_stat_activity"
                                + " where application_name = ? and datname = current_database()")) {
                    kill.setString(1, "notification-alert-listener");
                    kill.execute();
                }
                other.setAutoCommit(false);
                try (PreparedStatement ack = other.prepareStatement(
                        "update notification.alert set status = 'ACKNOWLEDGED', acknowledged_at = now(),"
                                + " updated_at = now() where id = ?")) {
                    ack.setObject(1, UUID.fromString(alertId));
                    assertThat(ack.executeUpdate()).isOne();
                }
                try (PreparedStatement notify = other.prepareStatement("select pg_notify(?, ?)")) {
                    notify.setString(1, "notification_alerts");
                    notify.setString(2, "alert:" + alertId);
                    notify.execute();
                }
                other.commit();
            }
            // the stream never ended: the change reaches it once the instance listens again
            await().atMost(Duration.ofSeconds(60))
                    .until(() -> team.mentioning(alertId).stream().anyMatch(d -> d.contains("ACKNOWLEDGED")));
            assertThat(team.ended()).isFalse();
        }
    }

    @Test
    void aReferringOrganisationFollowsItsReferralsStatusAndNothingElse() {
        ReferralSubmitted referral = SampleEvents.submitted(Tokens.ORG_A, Urgency.IMMEDIATE, null);
        ReferralSubmitted other = SampleEvents.submitted(Tokens.ORG_B, Urgency.IMMEDIATE, null);
        kafka.publish(EventType.REFERRAL_SUBMITTED, referral);
        kafka.publish(EventType.REFERRAL_SUBMITTED, other);
        // the referrals' organisations are known before the proposals (another topic) arrive
        await().atMost(Duration.ofSeconds(60)).until(() -> known(referral.referralId()) && known(other.referralId()));
        try (AlertStream partner = AlertStream.open(baseUrl(), Tokens.partner(Tokens.ORG_A))) {
            PlacementProposed proposed = SampleEvents.proposed(referral, UUID.randomUUID());
            kafka.publish(EventType.PLACEMENT_PROPOSED, SampleEvents.proposed(other, UUID.randomUUID()));
            kafka.publish(EventType.PLACEMENT_PROPOSED, proposed);
            await().atMost(Duration.ofSeconds(60))
                    .until(() -> partner.mentioning(referral.referralId()).stream()
                            .anyMatch(d -> d.contains("\"type\":\"referral\"") && d.contains("PROPOSED")));
            // the status only: neither the alert, nor the shelter, nor another organisation's referral
            assertThat(partner.mentioning(proposed.placementId())).isEmpty();
            assertThat(partner.mentioning(proposed.shelterId())).isEmpty();
            assertThat(partner.mentioning(other.referralId())).isEmpty();
            assertThat(partner.mentioning(referral.referralId()))
                    .allSatisfy(d -> assertThat(d).doesNotContain(referral.pseudonym()));
        }
    }

    @Test
    void theStreamEndsWhenTheTokenThatOpenedItExpires() {
        UUID shelter = UUID.randomUUID();
        String shortLived = TestIssuer.shared()
                .token(
                        "staff@" + shelter,
                        List.of("shelter-staff"),
                        Map.of("shelter_id", shelter.toString()),
                        Tokens.SERVICES,
                        Duration.ofSeconds(30));
        try (AlertStream team = AlertStream.open(baseUrl(), shortLived)) {
            await().atMost(Duration.ofSeconds(120)).until(team::ended);
        }
    }

    private String awaitAlert(UUID referralId) {
        await().atMost(Duration.ofSeconds(60))
                .until(() -> TestAlerts.ofKind(referralId, "PROPOSAL")
                                .getList("items")
                                .size()
                        == 1);
        return TestAlerts.ofKind(referralId, "PROPOSAL").getString("items[0].id");
    }

    private boolean known(UUID referralId) throws SQLException {
        try (Connection admin = connect();
                PreparedStatement query =
                        admin.prepareStatement("select 1 from notification.referral_origin where referral_id = ?")) {
            query.setObject(1, referralId);
            try (ResultSet rows = query.executeQuery()) {
                return rows.next();
            }
        }
    }

    private List<Integer> listenerBackends() throws SQLException {
        try (Connection admin = connect();
                PreparedStatement query = admin.prepareStatement("select pid from pg_stat_activity"
                        + " where application_name = ? and datname = current_database()")) {
            query.setString(1, "notification-alert-listener");
            List<Integer> pids = new ArrayList<>();
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    pids.add(rows.getInt(1));
                }
            }
            return pids;
        }
    }

    private Connection connect() throws SQLException {
        return DriverManager.getConnection(url, username, password.orElse(""));
    }

    private String baseUrl() {
        return base.toString().replaceAll("/$", "");
    }
}
