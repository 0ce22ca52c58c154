package org.acse.notification;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.acse.common.events.AlertAcknowledged;
import org.acse.common.events.CloudEventHeaders;
import org.acse.common.events.EventJson;
import org.acse.common.events.EventType;
import org.acse.common.events.PlacementProposed;
import org.acse.common.events.Topics;
import org.acse.common.events.Urgency;
import org.acse.suite.WebhookReceiver;
import org.acse.testsupport.KafkaEvents;
import org.acse.testsupport.Tokens;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * With the OpenTelemetry SDK on (as in production), an event whose record carries a {@code traceparent} (set by the
 * upstream outbox relay) is consumed in a child span, and the webhook delivery that follows later, on another thread,
 * is a child of that consumer span: one trace. The delivery row keeps the consumer span's traceparent, exactly as the
 * outbox row of a next hop does (both read the current span inside {@code Inbox.handle}).
 */
@QuarkusTest
@TestProfile(TraceContinuityTest.TracingOn.class)
class TraceContinuityTest {
    static final WebhookReceiver receiver = new WebhookReceiver();

    public static class TracingOn implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.otel.sdk.disabled", "false");
        }
    }

    @Inject
    RecordedSpans spans;

    @Inject
    DataSource dataSource;

    @AfterAll
    static void close() {
        receiver.close();
    }

    @Test
    void theWebhookDeliveryContinuesTheTraceOfTheIncomingRecord() throws Exception {
        UUID shelter = UUID.randomUUID();
        String path = "/traced-" + shelter;
        given().auth()
                .oauth2(Tokens.staff(shelter))
                .contentType("application/json")
                .body("{\"emails\":[],\"webhookUrl\":\"" + receiver.url(path)
                        + "\",\"webhookSecret\":\"whsec_c2hlbHRlci13ZWJob29rLXNlY3JldC0wMTIzNDU2Nzg5\"}")
                .put("/api/v1/shelters/" + shelter + "/channels")
                .then()
                .statusCode(200);
        String traceId = UUID.randomUUID().toString().replace("-", "");
        String upstreamSpan = UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        PlacementProposed proposed = SampleEvents.proposed(shelter, Urgency.WITHIN_72H);
        KafkaEvents.onSharedBroker()
                .publishRaw(
                        Topics.PLACEMENTS,
                        proposed.referralId().toString(),
                        EventJson.write(proposed),
                        Map.of(
                                CloudEventHeaders.SPEC_VERSION,
                                CloudEventHeaders.SPEC_VERSION_VALUE,
                                CloudEventHeaders.ID,
                                UUID.randomUUID().toString(),
                                CloudEventHeaders.TYPE,
                                EventType.PLACEMENT_PROPOSED.type(),
                                CloudEventHeaders.SOURCE,
                                "/acse/placement-service",
                                CloudEventHeaders.TIME,
                                Instant.now().toString(),
                                CloudEventHeaders.CONTENT_TYPE,
                                CloudEventHeaders.JSON,
                                CloudEventHeaders.TRACEPARENT,
                                "00-" + traceId + "-" + upstreamSpan + "-01"));

        await().atMost(Duration.ofSeconds(20)).until(() -> receiver.deliveries(path), d -> !d.isEmpty());
        SpanData delivery = await().atMost(Duration.ofSeconds(10))
                .until(
                        () -> spans.ofTrace(traceId).stream()
                                .filter(s -> s.getName().startsWith("alert delivery"))
                                .findFirst(),
                        d -> d.isPresent())
                .get();

        List<SpanData> trace = spans.ofTrace(traceId);
        SpanData consumer = trace.stream()
                .filter(s -> s.getSpanId().equals(delivery.getParentSpanId()))
                .findFirst()
                .orElseThrow(() -> new AssertionError("the delivery's parent is not in the trace: " + trace));
        assertThat(consumer.getKind()).isEqualTo(SpanKind.CONSUMER);
        assertThat(consumer.getParentSpanId()).isEqualTo(upstreamSpan);
        assertThat(delivery.getKind()).isEqualTo(SpanKind.CLIENT);
        assertThat(delivery.getAttributes().asMap().values().stream().map(Object::toString))
                .noneMatch(v -> v.contains(proposed.pseudonym()) || v.contains(shelter.toString()));
        assertThat(storedTraceparent(proposed.referralId()))
                .isEqualTo("00-" + traceId + "-" + consumer.getSpanId() + "-01");
    }

    /** The first hop, as in intake's POST: the request's server span is stored with the outbox row it writes. */
    @Test
    void anEventPublishedByARequestContinuesTheRequestsTrace() {
        UUID shelter = UUID.randomUUID();
        PlacementProposed proposed = SampleEvents.proposed(shelter, Urgency.WITHIN_72H);
        KafkaEvents kafka = KafkaEvents.onSharedBroker();
        kafka.publish(EventType.PLACEMENT_PROPOSED, proposed);
        String alertId = await().atMost(Duration.ofSeconds(20))
                .until(
                        () -> given().auth()
                                .oauth2(Tokens.staff(shelter))
                                .get("/api/v1/alerts")
                                .then()
                                .extract()
                                .<String>path("items[0].id"),
                        id -> id != null);
        String traceId = UUID.randomUUID().toString().replace("-", "");
        String clientSpan = UUID.randomUUID().toString().replace("-", "").substring(0, 16);

        given().auth()
                .oauth2(Tokens.staff(shelter))
                .header("traceparent", "00-" + traceId + "-" + clientSpan + "-01")
                .post("/api/v1/alerts/" + alertId + "/ack")
                .then()
                .statusCode(200);

        AlertAcknowledged acknowledged =
                kafka.await(EventType.ALERT_ACKNOWLEDGED, proposed.referralId(), AlertAcknowledged.class);
        assertThat(acknowledged.alertId().toString()).isEqualTo(alertId);
        String traceparent = KafkaEvents.header(
                        kafka.records(EventType.ALERT_ACKNOWLEDGED, proposed.referralId())
                                .get(0),
                        CloudEventHeaders.TRACEPARENT)
                .orElseThrow();
        SpanData server = await().atMost(Duration.ofSeconds(10))
                .until(
                        () -> spans.ofTrace(traceId).stream()
                                .filter(s -> s.getKind() == SpanKind.SERVER)
                                .findFirst(),
                        s -> s.isPresent())
                .get();
        assertThat(server.getParentSpanId()).isEqualTo(clientSpan);
        assertThat(traceparent).isEqualTo("00-" + traceId + "-" + server.getSpanId() + "-01");
    }

    private String storedTraceparent(UUID referralId) throws Exception {
        try (Connection c = dataSource.getConnection();
                PreparedStatement q = c.prepareStatement("SELECT traceparent FROM delivery WHERE referral_id = ?")) {
            q.setObject(1, referralId);
            try (ResultSet rows = q.executeQuery()) {
                assertThat(rows.next()).isTrue();
                return rows.getString(1);
            }
        }
    }
}
