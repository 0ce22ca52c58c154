package org.acse.intake;

import static org.acse.intake.ReferralFixtures.as;
import static org.acse.intake.ReferralFixtures.count;
import static org.acse.intake.ReferralFixtures.dumpSchema;
import static org.acse.intake.ReferralFixtures.submit;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.acse.common.events.EventType;
import org.acse.common.events.ReferralErased;
import org.acse.common.events.ReferralWithdrawn;
import org.acse.testsupport.KafkaEvents;
import org.acse.testsupport.Tokens;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * Erasure on request (ADR 17): a coordinator erases a referral's personal data now, as the retention would after its
 * delay; an open referral is withdrawn first; the other services hear of it once; the partner sees it.
 */
@QuarkusTest
class ErasureTest {
    private static final String REASON = "{\"reason\":\"The person asked for their data to be erased\"}";

    @Inject
    DataSource dataSource;

    private final KafkaEvents kafka = KafkaEvents.onSharedBroker();

    @Test
    void anOpenReferralIsWithdrawnAndErasedAtOnceAndTheEventLeavesOnce() {
        String partner = Tokens.partner(Tokens.ORG_A);
        UUID id = submit(partner);
        String pseudonym =
                as(partner).get("/api/v1/referrals/" + id).then().extract().path("pseudonym");

        as(Tokens.coordinator())
                .body(REASON)
                .post("/api/v1/referrals/" + id + "/erasure")
                .then()
                .statusCode(200)
                .body("status", equalTo("WITHDRAWN"))
                .body("personalDataErased", equalTo(true))
                .body("timeline.status", hasItem("WITHDRAWN"));

        // Gone: identity, notes, profile, zones, commune. Kept: the figures' department and head count, the reason.
        assertThat(count(
                        dataSource,
                        "SELECT count(*) FROM referral WHERE id = '" + id + "'"
                                + " AND identity_ciphertext IS NULL AND notes_ciphertext IS NULL"
                                + " AND duplicate_fingerprint IS NULL AND household IS NULL AND needs IS NULL"
                                + " AND current_commune_code IS NULL AND danger_zones = '[]' AND exploitation = '[]'"
                                + " AND department_code = '06' AND household_size = 2"
                                + " AND personal_data_erased_at IS NOT NULL AND closed_at IS NOT NULL"
                                + " AND erasure_reason = 'The person asked for their data to be erased'"))
                .isEqualTo(1);
        // The published events keep their own, shorter retention (ADR 11); every other row naming the referral or
        // its pseudonym names no zone, exploitation or household.
        List<String> linked = Arrays.stream(dumpSchema(dataSource).split("\n"))
                .filter(row -> row.contains(id.toString()) || row.contains(pseudonym))
                .filter(row -> !row.contains("org.acse."))
                .toList();
        assertThat(linked)
                .isNotEmpty()
                .allSatisfy(row -> assertThat(row)
                        .doesNotContain("06088", "SEXUAL", "childrenAges", "FEMALE", "communeCode", "radiusKm"));
        as(Tokens.coordinator())
                .get("/api/v1/referrals/" + id + "/identity")
                .then()
                .statusCode(410);

        kafka.await(EventType.REFERRAL_WITHDRAWN, id, ReferralWithdrawn.class);
        ReferralErased erased = kafka.await(EventType.REFERRAL_ERASED, id, ReferralErased.class);
        assertThat(erased.erasedAt()).isNotNull();
        assertThat(count(
                        dataSource,
                        "SELECT count(*) FROM audit_log WHERE action = 'referral.erase' AND target_id = '" + id + "'"))
                .isEqualTo(1);

        // The referring organisation sees it on its referral.
        as(partner).get("/api/v1/referrals/" + id).then().statusCode(200).body("personalDataErased", equalTo(true));

        // Again: the same answer, no second event, no second audit row.
        as(Tokens.coordinator())
                .body(REASON)
                .post("/api/v1/referrals/" + id + "/erasure")
                .then()
                .statusCode(200)
                .body("personalDataErased", equalTo(true));
        awaitPublished(id);
        assertThat(kafka.records(EventType.REFERRAL_ERASED, id)).hasSize(1);
        assertThat(kafka.records(EventType.REFERRAL_WITHDRAWN, id)).hasSize(1);
        assertThat(count(
                        dataSource,
                        "SELECT count(*) FROM audit_log WHERE action = 'referral.erase' AND target_id = '" + id + "'"))
                .isEqualTo(1);
    }

    @Test
    void aWithdrawnReferralIsErasedWithoutASecondWithdrawal() {
        String partner = Tokens.partner(Tokens.ORG_A);
        UUID id = submit(partner);
        as(partner)
                .body("{\"reason\":\"moved abroad\"}")
                .post("/api/v1/referrals/" + id + "/withdraw")
                .then()
                .statusCode(200);

        as(Tokens.coordinator())
                .body(REASON)
                .post("/api/v1/referrals/" + id + "/erasure")
                .then()
                .statusCode(200)
                .body("personalDataErased", equalTo(true));

        assertThat(count(
                        dataSource,
                        "SELECT count(*) FROM referral WHERE id = '" + id + "'"
                                + " AND withdrawal_reason_ciphertext IS NULL AND identity_ciphertext IS NULL"))
                .isEqualTo(1);
        assertThat(count(
                        dataSource,
                        "SELECT count(*) FROM referral_status_change WHERE referral_id = '" + id
                                + "' AND status = 'WITHDRAWN'"))
                .isEqualTo(1);
        kafka.await(EventType.REFERRAL_ERASED, id, ReferralErased.class);
        awaitPublished(id);
        assertThat(kafka.records(EventType.REFERRAL_WITHDRAWN, id)).hasSize(1);
    }

    @Test
    void withoutAReasonNothingIsErasedAndTheAnswerNamesTheField() {
        UUID id = submit(Tokens.partner(Tokens.ORG_A));
        for (String body : List.of("{}", "{\"reason\":\"  \"}", "")) {
            as(Tokens.coordinator())
                    .body(body)
                    .post("/api/v1/referrals/" + id + "/erasure")
                    .then()
                    .statusCode(400)
                    .contentType("application/problem+json")
                    .body("errors.field", hasItem("reason"));
        }
        assertThat(count(
                        dataSource,
                        "SELECT count(*) FROM referral WHERE id = '" + id + "'"
                                + " AND status = 'SUBMITTED' AND personal_data_erased_at IS NULL"
                                + " AND identity_ciphertext IS NOT NULL"))
                .isEqualTo(1);
    }

    @Test
    void anUnknownReferralIsNotFoundAndAPartnerMayNotErase() {
        as(Tokens.coordinator())
                .body(REASON)
                .post("/api/v1/referrals/" + UUID.randomUUID() + "/erasure")
                .then()
                .statusCode(404)
                .contentType("application/problem+json");
        String partner = Tokens.partner(Tokens.ORG_A);
        UUID id = submit(partner);
        as(partner)
                .body(REASON)
                .post("/api/v1/referrals/" + id + "/erasure")
                .then()
                .statusCode(403);
        assertThat(count(
                        dataSource,
                        "SELECT count(*) FROM referral WHERE id = '" + id + "' AND personal_data_erased_at IS NULL"))
                .isEqualTo(1);
    }

    private void awaitPublished(UUID referral) {
        Awaitility.await()
                .atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(100))
                .until(() -> count(
                                dataSource,
                                "SELECT count(*) FROM outbox_message WHERE message_key = '" + referral
                                        + "' AND published_at IS NULL")
                        == 0);
    }
}
