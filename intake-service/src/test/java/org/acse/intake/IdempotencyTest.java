package org.acse.intake;

import static org.acse.intake.ReferralFixtures.as;
import static org.acse.intake.ReferralFixtures.count;
import static org.acse.intake.ReferralFixtures.counts;
import static org.acse.intake.ReferralFixtures.json;
import static org.acse.intake.ReferralFixtures.validBody;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.sql.DataSource;
import org.acse.intake.retention.RetentionJob;
import org.acse.testsupport.Tokens;
import org.junit.jupiter.api.Test;

/** Idempotency-Key (product §7): same key and body → same 201; other body → 409; per organisation; kept ≥ 24 h. */
@QuarkusTest
class IdempotencyTest {
    @Inject
    DataSource dataSource;

    @Inject
    RetentionJob retention;

    private ExtractableResponse<Response> post(String token, String key, String body) {
        return as(token)
                .header("Idempotency-Key", key)
                .body(body)
                .post("/api/v1/referrals")
                .then()
                .extract();
    }

    @Test
    void theSameKeyAndBodyGiveTheSameAnswerAndOneReferral() throws Exception {
        String key = UUID.randomUUID().toString();
        String body = json(validBody());
        ExtractableResponse<Response> first = post(Tokens.partner(Tokens.ORG_A), key, body);
        assertThat(first.statusCode()).isEqualTo(201);
        // Whitespace and key order do not make another body.
        Map<?, ?> reordered = new TreeMap<>(new ObjectMapper().readValue(body, Map.class));
        ExtractableResponse<Response> again = post(
                Tokens.partner(Tokens.ORG_A),
                key,
                new ObjectMapper().writerWithDefaultPrettyPrinter().writeValueAsString(reordered));
        assertThat(again.statusCode()).isEqualTo(201);
        assertThat(again.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(again.<String>path("id")).isEqualTo(first.path("id"));
        assertThat(again.<String>path("pseudonym")).isEqualTo(first.path("pseudonym"));
        assertThat(again.<String>path("status")).isEqualTo("SUBMITTED");
        String id = first.path("id");
        assertThat(count(dataSource, "SELECT count(*) FROM outbox_message WHERE message_key = '" + id + "'"))
                .isEqualTo(1);
    }

    @Test
    void theSameKeyWithAnotherBodyIsAConflict() {
        String key = UUID.randomUUID().toString();
        post(Tokens.partner(Tokens.ORG_A), key, json(validBody()));
        Map<String, Object> other = validBody();
        other.put("urgency", "WITHIN_72H");
        Map<String, Long> before = counts(dataSource);
        as(Tokens.partner(Tokens.ORG_A))
                .header("Idempotency-Key", key)
                .body(json(other))
                .post("/api/v1/referrals")
                .then()
                .statusCode(409)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:acse:problem:idempotency-key-reused"))
                .body("errors[0].field", equalTo("Idempotency-Key"));
        assertThat(counts(dataSource)).isEqualTo(before);
    }

    @Test
    void keysAreScopedToTheOrganisation() {
        String key = UUID.randomUUID().toString();
        String body = json(validBody());
        String a = post(Tokens.partner(Tokens.ORG_A), key, body).path("id");
        String b = post(Tokens.partner(Tokens.ORG_B), key, body).path("id");
        assertThat(a).isNotEqualTo(b);
    }

    @Test
    void concurrentRetriesWithOneKeyCreateOneReferral() throws Exception {
        String key = UUID.randomUUID().toString();
        String body = json(validBody());
        String token = Tokens.partner(Tokens.ORG_A);
        ExecutorService pool = Executors.newFixedThreadPool(6);
        try {
            List<Future<ExtractableResponse<Response>>> answers = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                answers.add(pool.submit(() -> post(token, key, body)));
            }
            List<String> ids = new ArrayList<>();
            for (Future<ExtractableResponse<Response>> answer : answers) {
                ExtractableResponse<Response> response = answer.get();
                assertThat(response.statusCode()).isEqualTo(201);
                ids.add(response.path("id"));
            }
            assertThat(ids).containsOnly(ids.get(0));
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aKeyIsKeptAtLeast24HoursThenForgotten() {
        String key = UUID.randomUUID().toString();
        String body = json(validBody());
        String first = post(Tokens.partner(Tokens.ORG_A), key, body).path("id");
        retention.run(Instant.now().plus(Duration.ofHours(25)));
        assertThat(post(Tokens.partner(Tokens.ORG_A), key, body).<String>path("id"))
                .isEqualTo(first);
        retention.run(Instant.now().plus(Duration.ofHours(49)));
        assertThat(post(Tokens.partner(Tokens.ORG_A), key, body).<String>path("id"))
                .isNotEqualTo(first);
    }

    @Test
    void anOverlongKeyIsRefused() {
        as(Tokens.partner(Tokens.ORG_A))
                .header("Idempotency-Key", "k".repeat(201))
                .body(json(validBody()))
                .post("/api/v1/referrals")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("Idempotency-Key"));
    }
}
