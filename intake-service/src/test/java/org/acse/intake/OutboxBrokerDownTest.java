package org.acse.intake;

import static io.restassured.RestAssured.given;
import static org.acse.intake.ReferralFixtures.count;
import static org.acse.intake.ReferralFixtures.submit;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.acse.common.events.EventType;
import org.acse.suite.KafkaBroker;
import org.acse.testsupport.KafkaEvents;
import org.acse.testsupport.Tokens;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * Product §3/§9: with the broker down, referrals are still accepted (201); once it is back, every one of them is
 * published, exactly once. The broker is shared by the other test classes: it is restarted whatever happens.
 */
@QuarkusTest
class OutboxBrokerDownTest {
    private static final int REFERRALS = 5;

    @Inject
    DataSource dataSource;

    @Test
    void referralsAreAcceptedWhileTheBrokerIsDownAndPublishedExactlyOnceAfter() {
        List<UUID> ids = new ArrayList<>();
        KafkaBroker broker = KafkaBroker.shared();
        broker.stop();
        try {
            for (int i = 0; i < REFERRALS; i++) {
                ids.add(submit(Tokens.partner(Tokens.ORG_A)));
            }
            // Nothing can be acknowledged: the messages stay pending, and the relay reports them as backlog.
            assertThat(count(
                            dataSource,
                            "SELECT count(*) FROM outbox_message WHERE published_at IS NULL" + " AND message_key IN ("
                                    + quoted(ids) + ")"))
                    .isEqualTo(REFERRALS);
            Awaitility.await()
                    .atMost(Duration.ofSeconds(60))
                    .pollInterval(Duration.ofMillis(500))
                    .until(() -> backlog(given().get("/q/metrics")
                                    .then()
                                    .statusCode(200)
                                    .extract()
                                    .asString())
                            >= REFERRALS);
        } finally {
            broker.restart();
        }
        Awaitility.await()
                .atMost(Duration.ofSeconds(120))
                .pollInterval(Duration.ofMillis(500))
                .until(() -> count(
                                dataSource,
                                "SELECT count(*) FROM outbox_message WHERE published_at IS NOT NULL"
                                        + " AND message_key IN (" + quoted(ids) + ")")
                        == REFERRALS);
        KafkaEvents kafka = KafkaEvents.onSharedBroker();
        for (UUID id : ids) {
            assertThat(kafka.records(EventType.REFERRAL_SUBMITTED, id))
                    .as("referral.submitted of " + id)
                    .hasSize(1);
        }
        Awaitility.await()
                .atMost(Duration.ofSeconds(60))
                .until(() -> backlog(given().get("/q/metrics").then().extract().asString()) == 0);
    }

    private static double backlog(String prometheus) {
        return prometheus
                .lines()
                .filter(l -> l.startsWith("acse_outbox_backlog"))
                .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1)))
                .findFirst()
                .orElse(-1);
    }

    private static String quoted(List<UUID> ids) {
        return String.join(",", ids.stream().map(id -> "'" + id + "'").toList());
    }
}
