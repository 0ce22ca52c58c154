package org.acse.notification;

import static io.restassured.RestAssured.given;
import static org.acse.notification.TestAlerts.ofKind;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.net.URL;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.acse.common.events.AlertEscalated;
import org.acse.common.events.EventType;
import org.acse.common.events.PlacementNoMatch;
import org.acse.common.events.Urgency;
import org.acse.notification.alert.AlertService;
import org.acse.suite.WebhookReceiver;
import org.acse.testsupport.KafkaEvents;
import org.acse.testsupport.Tokens;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A no-match reaches coordinators at once, on their dashboard's live stream and their channels, and is escalated
 * once (channels again, and {@code alert.escalated}) when nobody acknowledges it in time: 4 s in tests.
 */
@QuarkusTest
class NoMatchEscalationTest {
    static final WebhookReceiver receiver = new WebhookReceiver();
    final KafkaEvents kafka = KafkaEvents.onSharedBroker();
    final String coordination = "/coordination-" + UUID.randomUUID();

    @TestHTTPResource("/")
    URL base;

    @Inject
    AlertService alerts;

    @AfterAll
    static void close() {
        receiver.close();
    }

    @BeforeEach
    void coordinationWebhook() {
        given().auth()
                .oauth2(Tokens.coordinator())
                .contentType("application/json")
                .body("{\"emails\":[],\"webhookUrl\":\"" + receiver.url(coordination)
                        + "\",\"webhookSecret\":\"whsec_Y29vcmRpbmF0aW9uLXNlY3JldC0wMTIzNDU2Nzg5\"}")
                .put("/api/v1/coordination/channels")
                .then()
                .statusCode(200);
    }

    @Test
    void aNoMatchReachesCoordinatorsAtOnceAndIsEscalatedOnceWhenNobodyActs() {
        PlacementNoMatch noMatch = SampleEvents.noMatch(UUID.randomUUID(), "Alouette-9f", Urgency.IMMEDIATE);
        String url = base.toString().replaceAll("/$", "");
        try (AlertStream dashboard = AlertStream.open(url, Tokens.coordinator());
                AlertStream team = AlertStream.open(url, Tokens.staff(UUID.randomUUID()))) {
            kafka.publish(EventType.PLACEMENT_NO_MATCH, noMatch);

            // at once: on the live stream and on the coordination channel
            String first = await().atMost(Duration.ofSeconds(20))
                    .until(() -> dashboard.mentioning(noMatch.referralId()), l -> !l.isEmpty())
                    .get(0);
            assertThat(JsonPath.from(first).getString("alert.kind")).isEqualTo("NO_MATCH");
            assertThat(JsonPath.from(first).getString("alert.status")).isEqualTo("OPEN");
            WebhookReceiver.Delivery told = await().atMost(Duration.ofSeconds(20))
                    .until(() -> about(noMatch.referralId()), d -> !d.isEmpty())
                    .get(0);
            assertThat(told.header("X-Acse-Event")).isEqualTo(EventType.PLACEMENT_NO_MATCH.type());
            assertThat(JsonPath.from(told.body()).getInt("sheltersConsidered")).isEqualTo(42);
            String alertId = JsonPath.from(told.body()).getString("alertId");

            // nobody acknowledges it: escalated on the channel, on the broker and on the dashboard
            WebhookReceiver.Delivery escalation = await().atMost(Duration.ofSeconds(30))
                    .until(() -> about(noMatch.referralId()), d -> d.size() == 2)
                    .get(1);
            assertThat(escalation.header("X-Acse-Event")).isEqualTo(EventType.ALERT_ESCALATED.type());
            JsonPath body = JsonPath.from(escalation.body());
            assertThat(body.getString("kind")).isEqualTo("escalation");
            assertThat(body.getString("reason")).isEqualTo("no-match-unhandled");
            assertThat(body.getString("alertId")).isEqualTo(alertId);
            AlertEscalated event = kafka.await(EventType.ALERT_ESCALATED, noMatch.referralId(), AlertEscalated.class);
            assertThat(event.reason()).isEqualTo("no-match-unhandled");
            assertThat(event.alertId().toString()).isEqualTo(alertId);
            assertThat(event.shelterId()).isNull();
            await().atMost(Duration.ofSeconds(10))
                    .until(() -> dashboard.mentioning(noMatch.referralId()).stream()
                            .anyMatch(d -> "ESCALATED".equals(JsonPath.from(d).getString("alert.status"))));
            JsonPath alert = given().auth()
                    .oauth2(Tokens.coordinator())
                    .get("/api/v1/alerts/" + alertId)
                    .then()
                    .statusCode(200)
                    .extract()
                    .jsonPath();
            assertThat(alert.getString("status")).isEqualTo("ESCALATED");
            assertThat(alert.getString("escalatedAt")).isNotNull();
            // no shelter team heard any of it
            assertThat(team.mentioning(noMatch.referralId())).isEmpty();

            // once only
            await().during(Duration.ofSeconds(3))
                    .atMost(Duration.ofSeconds(5))
                    .until(() -> about(noMatch.referralId()).size() == 2);
            assertThat(kafka.records(EventType.ALERT_ESCALATED, noMatch.referralId()))
                    .hasSize(1);
            // a coordinator takes it in hand, late
            given().auth()
                    .oauth2(Tokens.coordinator())
                    .post("/api/v1/alerts/" + alertId + "/ack")
                    .then()
                    .statusCode(200);
        }
    }

    @Test
    void anAcknowledgedNoMatchIsNotEscalated() {
        PlacementNoMatch noMatch = SampleEvents.noMatch(UUID.randomUUID(), "Alouette-3c", Urgency.WITHIN_72H);
        kafka.publish(EventType.PLACEMENT_NO_MATCH, noMatch);
        String alertId = await().atMost(Duration.ofSeconds(20))
                .pollInterval(Duration.ofMillis(50))
                .until(() -> ofKind(noMatch.referralId(), "NO_MATCH").getString("items[0].id"), id -> id != null);
        given().auth()
                .oauth2(Tokens.coordinator())
                .post("/api/v1/alerts/" + alertId + "/ack")
                .then()
                .statusCode(200)
                .extract()
                .path("status")
                .equals("ACKNOWLEDGED");

        await().during(Duration.ofSeconds(6))
                .atMost(Duration.ofSeconds(8))
                .until(() -> about(noMatch.referralId()).size() == 1);
        assertThat(kafka.records(EventType.ALERT_ESCALATED, noMatch.referralId()))
                .isEmpty();
        // another no-match while it is in hand adds nothing
        kafka.publish(
                EventType.PLACEMENT_NO_MATCH,
                SampleEvents.noMatch(noMatch.referralId(), "Alouette-3c", Urgency.WITHIN_72H));
        await().during(Duration.ofSeconds(2))
                .atMost(Duration.ofSeconds(4))
                .until(() -> ofKind(noMatch.referralId(), "NO_MATCH").getInt("total") == 1);
    }

    @Test
    void replicasCheckingAtTheSameTimeEscalateEachNoMatchOnce() throws Exception {
        List<PlacementNoMatch> due = IntStream.range(0, 6)
                .mapToObj(i -> SampleEvents.noMatch(UUID.randomUUID(), "Grive-" + i, Urgency.IMMEDIATE))
                .toList();
        due.forEach(n -> kafka.publish(EventType.PLACEMENT_NO_MATCH, n));
        await().atMost(Duration.ofSeconds(20))
                .until(() -> due.stream()
                        .allMatch(n -> ofKind(n.referralId(), "NO_MATCH").getInt("total") == 1));

        // three "replicas" (and the scheduler) race for the same due rows
        ExecutorService replicas = Executors.newFixedThreadPool(3);
        try {
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                List<Future<Integer>> runs = new ArrayList<>();
                for (int i = 0; i < 3; i++) {
                    runs.add(replicas.submit(alerts::escalateDue));
                }
                for (Future<Integer> run : runs) {
                    run.get();
                }
                return due.stream()
                        .allMatch(n -> !kafka.records(EventType.ALERT_ESCALATED, n.referralId())
                                .isEmpty());
            });
        } finally {
            replicas.shutdownNow();
        }
        // each heard twice on the coordination channel: the no-match, then its one escalation
        await().atMost(Duration.ofSeconds(20))
                .untilAsserted(() -> assertThat(due.stream()
                                .map(n -> about(n.referralId()).stream()
                                        .map(d -> d.header("X-Acse-Event"))
                                        .toList())
                                .toList())
                        .allSatisfy(events -> assertThat(events)
                                .containsExactly(
                                        EventType.PLACEMENT_NO_MATCH.type(), EventType.ALERT_ESCALATED.type())));
        await().during(Duration.ofSeconds(2))
                .atMost(Duration.ofSeconds(4))
                .until(() -> due.stream().allMatch(n -> about(n.referralId()).size() == 2));
        for (PlacementNoMatch n : due) {
            assertThat(kafka.records(EventType.ALERT_ESCALATED, n.referralId())).hasSize(1);
            String alertId = ofKind(n.referralId(), "NO_MATCH").getString("items[0].id");
            given().auth()
                    .oauth2(Tokens.coordinator())
                    .post("/api/v1/alerts/" + alertId + "/ack")
                    .then()
                    .statusCode(200);
        }
    }

    private List<WebhookReceiver.Delivery> about(UUID referralId) {
        return TestAlerts.about(receiver, coordination, referralId);
    }
}
