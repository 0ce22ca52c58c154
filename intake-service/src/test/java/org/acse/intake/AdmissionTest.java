package org.acse.intake;

import static org.acse.intake.ReferralFixtures.as;
import static org.acse.intake.ReferralFixtures.count;
import static org.acse.intake.ReferralFixtures.json;
import static org.acse.intake.ReferralFixtures.validBody;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.sql.DataSource;
import org.acse.testsupport.Tokens;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * Admission control (ADR 18): with two submissions being served, the next ones are refused at once with 503, a
 * problem document and {@code Retry-After}, and leave nothing behind; reads and health are still answered; once the
 * two are answered, submissions are accepted again.
 */
@QuarkusTest
@TestProfile(AdmissionTest.TwoInFlight.class)
class AdmissionTest {
    public static class TwoInFlight implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("acse.intake.admission.max-in-flight", "2");
        }
    }

    @Inject
    DataSource dataSource;

    private final String organisation = "org-admission-" + UUID.randomUUID();
    private final String token = Tokens.partner(organisation);

    @Test
    void pastTheLimitSubmissionsAreRefusedWith503AndNothingIsStored() throws Exception {
        // Two submissions whose bodies are still arriving: both are being served, and hold the two places.
        List<HeldSubmission> held = List.of(new HeldSubmission(), new HeldSubmission());
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> inFlight() == 2);

        ExecutorService clients = Executors.newFixedThreadPool(4);
        List<ExtractableResponse<Response>> refused = new ArrayList<>();
        try {
            List<Future<ExtractableResponse<Response>>> sent = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                sent.add(clients.submit(() -> as(token)
                        .body(json(validBody()))
                        .post("/api/v1/referrals")
                        .then()
                        .extract()));
            }
            for (Future<ExtractableResponse<Response>> answer : sent) {
                refused.add(answer.get());
            }
        } finally {
            clients.shutdownNow();
        }
        for (ExtractableResponse<Response> answer : refused) {
            assertThat(answer.statusCode()).isEqualTo(503);
            assertThat(answer.contentType()).startsWith("application/problem+json");
            assertThat(answer.header("Retry-After")).isEqualTo("1");
            assertThat(answer.<String>path("type")).isEqualTo("urn:acse:problem:overloaded");
            assertThat(answer.<Integer>path("status")).isEqualTo(503);
            assertThat(answer.<String>path("title")).isNotBlank();
            assertThat(answer.body().asString()).doesNotContain("Okafor", "Amara", organisation);
        }
        // Reads and health are not submissions: still answered.
        as(token).get("/api/v1/referrals").then().statusCode(200);
        RestAssured.get("/q/health/ready").then().statusCode(200);

        for (HeldSubmission submission : held) {
            assertThat(submission.finish()).startsWith("HTTP/1.1 201");
        }
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> inFlight() == 0);
        as(token).body(json(validBody())).post("/api/v1/referrals").then().statusCode(201);

        // Three 201s: three referrals and three events, nothing of the four refused.
        assertThat(count(dataSource, "SELECT count(*) FROM referral WHERE organisation_id = '" + organisation + "'"))
                .isEqualTo(3);
        assertThat(count(
                        dataSource,
                        "SELECT count(*) FROM outbox_message WHERE message_key IN (SELECT id::text FROM referral"
                                + " WHERE organisation_id = '" + organisation + "')"))
                .isEqualTo(3);
        assertThat(metric("acse_intake_admission_refused_total")).isGreaterThanOrEqualTo(4);
    }

    private static double inFlight() {
        return metric("acse_intake_admission_in_flight");
    }

    private static double metric(String name) {
        for (String line : RestAssured.get("/q/metrics").asString().split("\n")) {
            if (line.startsWith(name + " ") || line.startsWith(name + "{")) {
                return Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
            }
        }
        throw new AssertionError(name + " not among the metrics");
    }

    /** A submission over its own connection, its body sent in two halves: served, not answered, until finished. */
    private final class HeldSubmission {
        private final Socket socket;
        private final byte[] body = json(validBody()).getBytes(StandardCharsets.UTF_8);

        HeldSubmission() throws IOException {
            socket = new Socket("127.0.0.1", RestAssured.port);
            socket.setSoTimeout(30_000);
            String head = "POST /api/v1/referrals HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer " + token
                    + "\r\nContent-Type: application/json\r\nContent-Length: " + body.length
                    + "\r\nConnection: close\r\n\r\n";
            OutputStream out = socket.getOutputStream();
            out.write(head.getBytes(StandardCharsets.US_ASCII));
            out.write(body, 0, body.length / 2);
            out.flush();
        }

        /** Sends the rest of the body; the whole answer. */
        String finish() throws IOException {
            try (socket) {
                OutputStream out = socket.getOutputStream();
                out.write(body, body.length / 2, body.length - body.length / 2);
                out.flush();
                InputStream in = socket.getInputStream();
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
        }
    }
}
