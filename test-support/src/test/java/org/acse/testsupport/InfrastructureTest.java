package org.acse.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.acse.common.events.CloudEventHeaders;
import org.acse.common.events.EventType;
import org.acse.common.events.ReferralWithdrawn;
import org.acse.suite.Database;
import org.acse.suite.KafkaBroker;
import org.acse.suite.PostgresServer;
import org.junit.jupiter.api.Test;

/** The test infrastructure itself: a real broker that keeps records across a restart, a real fresh database. */
class InfrastructureTest {

    @Test
    void brokerDeliversCloudEventsAndKeepsThemAcrossARestart() {
        try (KafkaBroker broker = KafkaBroker.start().withSuiteTopics()) {
            KafkaEvents events = new KafkaEvents(broker.bootstrapServers());
            UUID referral = UUID.randomUUID();
            UUID id = events.publish(EventType.REFERRAL_WITHDRAWN, new ReferralWithdrawn(referral, Instant.now()));

            broker.restart();

            var records = events.records(EventType.REFERRAL_WITHDRAWN, referral);
            assertThat(records).hasSize(1);
            assertThat(KafkaEvents.header(records.get(0), CloudEventHeaders.ID)).contains(id.toString());
            assertThat(KafkaEvents.header(records.get(0), CloudEventHeaders.SPEC_VERSION))
                    .contains("1.0");
        }
    }

    @Test
    void everyDatabaseIsFreshAndIsDroppedAfterUse() throws Exception {
        Database first = PostgresServer.get().createDatabase("acse_infra");
        Database second = PostgresServer.get().createDatabase("acse_infra");
        assertThat(first.name()).isNotEqualTo(second.name());
        try (Connection c = first.connect();
                ResultSet rs = c.createStatement()
                        .executeQuery("SELECT count(*) FROM information_schema.tables WHERE table_schema = 'public'")) {
            rs.next();
            assertThat(rs.getInt(1)).isZero();
        }
        first.drop();
        second.drop();
        try (Connection c = DriverManager.getConnection(
                        PostgresServer.get().jdbcUrl("postgres"),
                        PostgresServer.get().user(),
                        PostgresServer.get().password());
                ResultSet rs = c.createStatement()
                        .executeQuery("SELECT datname FROM pg_database WHERE datname IN ('" + first.name() + "','"
                                + second.name() + "')")) {
            assertThat(rs.next()).isFalse();
        }
    }

    @Test
    void issuerPublishesItsKeysForTokenVerification() throws Exception {
        String token = Tokens.partner(Tokens.ORG_A);
        assertThat(token.split("\\.")).hasSize(3);
        var client = HttpClient.newHttpClient();
        var discovery = client.send(
                HttpRequest.newBuilder(URI.create(TestIssuer.shared().issuer() + "/.well-known/openid-configuration"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(discovery.statusCode()).isEqualTo(200);
        assertThat(discovery.body()).contains("jwks_uri");
        assertThat(List.of(token)).doesNotContain(Tokens.coordinatorSignedByAnotherKey());
    }
}
