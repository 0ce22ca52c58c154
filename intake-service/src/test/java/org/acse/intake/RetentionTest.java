package org.acse.intake;

import static io.restassured.RestAssured.given;
import static org.acse.intake.ReferralFixtures.as;
import static org.acse.intake.ReferralFixtures.awaitStatus;
import static org.acse.intake.ReferralFixtures.count;
import static org.acse.intake.ReferralFixtures.decided;
import static org.acse.intake.ReferralFixtures.dumpSchema;
import static org.acse.intake.ReferralFixtures.proposed;
import static org.acse.intake.ReferralFixtures.submit;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.scheduler.Scheduler;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.acse.common.events.EventType;
import org.acse.intake.retention.RetentionJob;
import org.acse.platform.retention.MessageRetention;
import org.acse.testsupport.KafkaEvents;
import org.acse.testsupport.Tokens;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * Retention (ADR 11): personal data is erased 30 days after a referral is closed, and not before; what stays is
 * coarse and links the pseudonym to no household, zone, exploitation or shelter. An open referral without any change
 * of status is closed by the suite (90 days in tests, to tell it from the erasure).
 */
@QuarkusTest
class RetentionTest {
    @Inject
    RetentionJob retention;

    @Inject
    MessageRetention messages;

    @Inject
    DataSource dataSource;

    private final KafkaEvents kafka = KafkaEvents.onSharedBroker();

    @Test
    void identityNotesAndReasonAreErasedAfterTheRetentionOfAClosedReferral() {
        String partner = Tokens.partner(Tokens.ORG_A);
        UUID closed = submit(partner);
        UUID open = submit(partner);
        as(partner)
                .body("{\"reason\":\"moved abroad\"}")
                .post("/api/v1/referrals/" + closed + "/withdraw")
                .then()
                .statusCode(200);
        String identity = "/api/v1/referrals/" + closed + "/identity";

        retention.run(Instant.now().plus(Duration.ofDays(29)));
        given().auth().oauth2(Tokens.coordinator()).get(identity).then().statusCode(200);

        assertThat(retention.run(Instant.now().plus(Duration.ofDays(31)))).isGreaterThanOrEqualTo(1);
        given().auth()
                .oauth2(Tokens.coordinator())
                .get(identity)
                .then()
                .statusCode(410)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:acse:problem:personal-data-erased"));
        assertThat(count(
                        dataSource,
                        "SELECT count(*) FROM referral WHERE id = '" + closed + "'"
                                + " AND identity_ciphertext IS NULL AND notes_ciphertext IS NULL"
                                + " AND withdrawal_reason_ciphertext IS NULL AND duplicate_fingerprint IS NULL"
                                + " AND personal_data_erased_at IS NOT NULL"))
                .isEqualTo(1);
        // The pseudonymous record and its timeline stay for the partner and the statistics.
        as(partner).get("/api/v1/referrals/" + closed).then().statusCode(200).body("status", equalTo("WITHDRAWN"));
        as(Tokens.coordinator()).get("/api/v1/referrals/" + closed).then().body("personalDataErased", equalTo(true));

        // An open referral keeps its identity and its whole profile.
        given().auth()
                .oauth2(Tokens.coordinator())
                .get("/api/v1/referrals/" + open + "/identity")
                .then()
                .statusCode(200);
        assertThat(count(
                        dataSource,
                        "SELECT count(*) FROM referral WHERE id = '" + open + "'"
                                + " AND household IS NOT NULL AND needs IS NOT NULL AND current_commune_code = '06088'"
                                + " AND jsonb_array_length(danger_zones) = 3 AND jsonb_array_length(exploitation) = 1"
                                + " AND status = 'SUBMITTED' AND personal_data_erased_at IS NULL"))
                .isEqualTo(1);
    }

    @Test
    void anArrivedReferralKeepsOnlyWhatTheFiguresNeedAndLinksItsPseudonymToNothing() {
        String partner = Tokens.partner(Tokens.ORG_A);
        UUID arrived = submit(partner);
        UUID shelter = UUID.randomUUID();
        UUID placement = UUID.randomUUID();
        Instant t = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        kafka.publish(EventType.PLACEMENT_PROPOSED, proposed(arrived, placement, shelter, t));
        kafka.publish(EventType.PLACEMENT_ACCEPTED, decided(arrived, placement, shelter, t.plusSeconds(1)));
        kafka.publish(EventType.PLACEMENT_ARRIVED, decided(arrived, placement, shelter, t.plusSeconds(2)));
        awaitStatus(arrived, "ARRIVED", partner);
        String pseudonym =
                as(partner).get("/api/v1/referrals/" + arrived).then().extract().path("pseudonym");
        awaitPublished(arrived);

        retention.run(Instant.now().plus(Duration.ofDays(31)));
        messages.run(Instant.now().plus(Duration.ofDays(36)));

        // Kept for the figures: the month, urgency, status and its timeline, the department, the household's size.
        assertThat(count(
                        dataSource,
                        "SELECT count(*) FROM referral WHERE id = '" + arrived + "'"
                                + " AND status = 'ARRIVED' AND urgency = 'IMMEDIATE' AND submitted_at IS NOT NULL"
                                + " AND department_code = '06' AND household_size = 2 AND NOT auto_closed"
                                + " AND household IS NULL AND needs IS NULL AND current_commune_code IS NULL"
                                + " AND danger_zones = '[]' AND exploitation = '[]' AND languages = '[]'"
                                + " AND accepted_shelter_id IS NULL AND accepted_placement_id IS NULL"))
                .isEqualTo(1);
        assertThat(count(
                        dataSource,
                        "SELECT count(*) FROM referral_status_change WHERE referral_id = '" + arrived + "'"))
                .isEqualTo(4);
        // The canary: no row that names the referral or its pseudonym names a zone, an exploitation, a household
        // or the shelter.
        List<String> linked = Arrays.stream(dumpSchema(dataSource).split("\n"))
                .filter(row -> row.contains(arrived.toString()) || row.contains(pseudonym))
                .toList();
        assertThat(linked)
                .isNotEmpty()
                .allSatisfy(row -> assertThat(row)
                        .doesNotContain(
                                "06088",
                                "SEXUAL",
                                "childrenAges",
                                "FEMALE",
                                "communeCode",
                                "radiusKm",
                                shelter.toString(),
                                placement.toString()));
    }

    @Test
    void anOpenReferralWithoutAnyChangeOfStatusIsClosedByTheSuiteAndThenErased() {
        String partner = Tokens.partner(Tokens.ORG_A);
        UUID stale = submit(partner);

        retention.run(Instant.now().plus(Duration.ofDays(89)));
        as(partner).get("/api/v1/referrals/" + stale).then().body("status", equalTo("SUBMITTED"));

        Instant closing = Instant.now().plus(Duration.ofDays(91));
        retention.run(closing);
        as(partner).get("/api/v1/referrals/" + stale).then().body("status", equalTo("WITHDRAWN"));
        assertThat(count(
                        dataSource,
                        "SELECT count(*) FROM referral WHERE id = '" + stale + "' AND auto_closed"
                                + " AND personal_data_erased_at IS NULL AND identity_ciphertext IS NOT NULL"))
                .isEqualTo(1);
        // Placement hears of it as of any withdrawal, and releases what it holds.
        assertThat(count(
                        dataSource,
                        "SELECT count(*) FROM outbox_message WHERE message_key = '" + stale + "'"
                                + " AND event_type = '" + EventType.REFERRAL_WITHDRAWN.type() + "'"))
                .isEqualTo(1);
        // Idempotent: a second run, or another replica's, closes nothing twice.
        retention.run(closing);
        assertThat(count(
                        dataSource,
                        "SELECT count(*) FROM referral_status_change WHERE referral_id = '" + stale
                                + "' AND status = 'WITHDRAWN'"))
                .isEqualTo(1);

        retention.run(closing.plus(Duration.ofDays(31)));
        assertThat(count(
                        dataSource,
                        "SELECT count(*) FROM referral WHERE id = '" + stale + "'"
                                + " AND personal_data_erased_at IS NOT NULL AND identity_ciphertext IS NULL"))
                .isEqualTo(1);
    }

    @Test
    void publishedOutboxRowsAndProcessedEventsGoAfterTheirDelaysAndNeverAnUnpublishedRow() {
        UUID referral = submit(Tokens.partner(Tokens.ORG_A));
        awaitPublished(referral);
        long processed = count(dataSource, "SELECT count(*) FROM processed_event");

        messages.run(Instant.now().plus(Duration.ofDays(6)));
        assertThat(count(dataSource, "SELECT count(*) FROM outbox_message WHERE message_key = '" + referral + "'"))
                .isEqualTo(1);

        MessageRetention.Counts counts = messages.run(Instant.now().plus(Duration.ofDays(8)));
        assertThat(counts.outboxRows()).isGreaterThanOrEqualTo(1);
        assertThat(count(dataSource, "SELECT count(*) FROM outbox_message WHERE message_key = '" + referral + "'"))
                .isZero();
        assertThat(count(
                        dataSource,
                        "SELECT count(*) FROM outbox_message WHERE published_at IS NULL"
                                + " AND created_at < now() - interval '1 minute'"))
                .isZero();
        assertThat(count(dataSource, "SELECT count(*) FROM processed_event")).isGreaterThanOrEqualTo(processed);

        Instant before = Instant.now();
        messages.run(before.plus(Duration.ofDays(36)));
        assertThat(count(dataSource, "SELECT count(*) FROM processed_event WHERE processed_at < '" + before + "'"))
                .isZero();
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

    @Inject
    Scheduler scheduler;

    @Test
    void theJobsAreScheduled() {
        assertThat(scheduler.isRunning()).isTrue();
        assertThat(scheduler.getScheduledJob("intake-retention")).isNotNull();
        assertThat(scheduler.getScheduledJob("message-retention")).isNotNull();
    }
}
