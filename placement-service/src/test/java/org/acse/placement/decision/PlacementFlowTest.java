package org.acse.placement.decision;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.acse.common.events.DangerZone;
import org.acse.common.events.EventJson;
import org.acse.common.events.EventType;
import org.acse.common.events.Gender;
import org.acse.common.events.PlacementDecided;
import org.acse.common.events.PlacementNoMatch;
import org.acse.common.events.PlacementProposed;
import org.acse.common.events.PlacementSearching;
import org.acse.common.events.ReferralSubmitted;
import org.acse.common.events.ReferralWithdrawn;
import org.acse.common.events.Topics;
import org.acse.common.events.Urgency;
import org.acse.placement.Fixtures;
import org.acse.testsupport.KafkaEvents;
import org.acse.testsupport.PrometheusScrape;
import org.acse.testsupport.Tokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The decision loop over the real broker and database: events in, events out, state through the API. */
@QuarkusTest
class PlacementFlowTest {
    final KafkaEvents kafka = KafkaEvents.onSharedBroker();

    @Inject
    Fixtures fixtures;

    @BeforeEach
    void cleanNetwork() {
        fixtures.reset();
    }

    /** The current value of a sample on /q/metrics (summed over other labels), e.g. {@code metric("x_total", "reason", "other")}. */
    static double metric(String name, String... labels) {
        Map<String, String> wanted = new HashMap<>();
        for (int i = 0; i < labels.length; i += 2) {
            wanted.put(labels[i], labels[i + 1]);
        }
        return new PrometheusScrape(given().get("/q/metrics")
                        .then()
                        .statusCode(200)
                        .extract()
                        .asString())
                .sum(name, wanted);
    }

    /** Metrics are recorded after the commit: wait for the delta rather than race the events. */
    static void awaitIncrease(double before, double by, String name, String... labels) {
        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(metric(name, labels) - before)
                        .as(() -> name + " from " + before + " in: "
                                + given().get("/q/metrics")
                                        .asString()
                                        .lines()
                                        .filter(l -> l.startsWith(name))
                                        .toList())
                        .isEqualTo(by));
    }

    PlacementProposed submitAndAwaitProposal(ReferralSubmitted referral) {
        kafka.publish(EventType.REFERRAL_SUBMITTED, referral);
        kafka.await(EventType.PLACEMENT_SEARCHING, referral.referralId(), PlacementSearching.class);
        return kafka.await(EventType.PLACEMENT_PROPOSED, referral.referralId(), PlacementProposed.class);
    }

    @Test
    void aSubmittedReferralIsHeldAtTheBestShelterAndProposed() {
        JsonPath lyon = Fixtures.shelter(Fixtures.LYON, 1);
        Fixtures.shelter(Fixtures.PARIS, 1);
        Fixtures.shelter(Fixtures.MARSEILLE, 1); // too close to Nice
        ReferralSubmitted referral = Fixtures.womanInNice();

        PlacementProposed proposed = submitAndAwaitProposal(referral);

        assertThat(proposed.shelterId()).isEqualTo(Fixtures.id(lyon));
        assertThat(proposed.unitId()).isEqualTo(Fixtures.unit(lyon, 0));
        assertThat(proposed.pseudonym()).isEqualTo(referral.pseudonym());
        assertThat(proposed.holdExpiresAt())
                .isBetween(
                        Instant.now().plus(Duration.ofMinutes(55)),
                        Instant.now().plus(Duration.ofMinutes(61)));
        given().auth()
                .oauth2(Tokens.staff(Fixtures.id(lyon)))
                .get("/api/v1/placements?referralId=" + referral.referralId())
                .then()
                .statusCode(200)
                .body("total", equalTo(1))
                .body("items[0].status", equalTo("HELD"))
                .body("items[0].id", equalTo(proposed.placementId().toString()))
                .body("items[0].unitId", equalTo(proposed.unitId().toString()));
        assertThat(fixtures.referralStatus(referral.referralId())).isEqualTo("PROPOSED");
    }

    @Test
    void acceptedThenArrived() {
        double proposals = metric("acse_referral_time_to_proposal_seconds_count");
        double acceptances = metric("acse_referral_time_to_acceptance_seconds_count");
        JsonPath lyon = Fixtures.shelter(Fixtures.LYON, 1);
        ReferralSubmitted referral = Fixtures.womanInNice();
        PlacementProposed proposed = submitAndAwaitProposal(referral);
        String staff = Tokens.staff(Fixtures.id(lyon));

        given().auth()
                .oauth2(staff)
                .post("/api/v1/placements/" + proposed.placementId() + "/accept")
                .then()
                .statusCode(200)
                .body("status", equalTo("ACCEPTED"));
        PlacementDecided accepted =
                kafka.await(EventType.PLACEMENT_ACCEPTED, referral.referralId(), PlacementDecided.class);
        assertThat(accepted.placementId()).isEqualTo(proposed.placementId());
        assertThat(accepted.unitId()).isEqualTo(proposed.unitId());
        given().auth()
                .oauth2(staff)
                .post("/api/v1/placements/" + proposed.placementId() + "/accept")
                .then()
                .statusCode(409);

        given().auth()
                .oauth2(staff)
                .post("/api/v1/placements/" + proposed.placementId() + "/arrival")
                .then()
                .statusCode(200)
                .body("status", equalTo("ARRIVED"));
        kafka.await(EventType.PLACEMENT_ARRIVED, referral.referralId(), PlacementDecided.class);
        assertThat(fixtures.referralStatus(referral.referralId())).isEqualTo("ARRIVED");
        given().auth()
                .oauth2(staff)
                .get("/api/v1/shelters/" + Fixtures.id(lyon))
                .then()
                .statusCode(200)
                .body("units[0].status", equalTo("OCCUPIED"));
        awaitIncrease(proposals, 1, "acse_referral_time_to_proposal_seconds_count");
        awaitIncrease(acceptances, 1, "acse_referral_time_to_acceptance_seconds_count");
        assertThat(metric("acse_referral_time_to_acceptance_seconds_bucket", "le", "+Inf") - acceptances)
                .isEqualTo(1);
    }

    @Test
    void aDeclineProposesTheNextShelterAndNeverTheSameOneAgain() {
        double safety = metric("acse_placement_declines_total", "reason", "safety_concern");
        double gone = metric("acse_placement_declines_total", "reason", "no_longer_available");
        double noMatch = metric("acse_placement_no_match_total");
        double proposals = metric("acse_referral_time_to_proposal_seconds_count");
        JsonPath lyon = Fixtures.shelter(Fixtures.LYON, 1, 1);
        JsonPath paris = Fixtures.shelter(Fixtures.PARIS, 1);
        ReferralSubmitted referral = Fixtures.womanInNice();
        PlacementProposed first = submitAndAwaitProposal(referral);
        assertThat(first.shelterId()).isEqualTo(Fixtures.id(lyon));

        given().auth()
                .oauth2(Tokens.staff(Fixtures.id(lyon)))
                .contentType("application/json")
                .body("{\"reason\":\"SAFETY_CONCERN\",\"comment\":\"free text that stays here\"}")
                .post("/api/v1/placements/" + first.placementId() + "/decline")
                .then()
                .statusCode(200)
                .body("status", equalTo("DECLINED"));

        PlacementDecided declined =
                kafka.await(EventType.PLACEMENT_DECLINED, referral.referralId(), PlacementDecided.class);
        assertThat(declined.reason()).isEqualTo("SAFETY_CONCERN");
        PlacementProposed second = kafka.await(
                EventType.PLACEMENT_PROPOSED,
                referral.referralId(),
                PlacementProposed.class,
                p -> !p.placementId().equals(first.placementId()));
        // Lyon still has a free unit, but it declined: Paris is next.
        assertThat(second.shelterId()).isEqualTo(Fixtures.id(paris));
        assertThat(kafka.records(Topics.PLACEMENTS).stream().map(r -> r.value()))
                .noneMatch(v -> v.contains("free text that stays here"));

        given().auth()
                .oauth2(Tokens.coordinator())
                .contentType("application/json")
                .body("{\"reason\":\"NO_LONGER_AVAILABLE\"}")
                .post("/api/v1/placements/" + second.placementId() + "/decline")
                .then()
                .statusCode(200);
        kafka.await(EventType.PLACEMENT_NO_MATCH, referral.referralId(), PlacementNoMatch.class);
        assertThat(fixtures.referralStatus(referral.referralId())).isEqualTo("NO_MATCH");
        awaitIncrease(safety, 1, "acse_placement_declines_total", "reason", "safety_concern");
        awaitIncrease(gone, 1, "acse_placement_declines_total", "reason", "no_longer_available");
        awaitIncrease(noMatch, 1, "acse_placement_no_match_total");
        // only the first proposal measures the time from submission
        awaitIncrease(proposals, 1, "acse_referral_time_to_proposal_seconds_count");
    }

    /**
     * The next hop continues the trace: the record's traceparent (set by intake's relay) becomes the parent of the
     * consumer span, which is current inside Inbox.handle, so the outbox row (and the event it becomes) carries it.
     */
    @Test
    void theEventsOfTheNextHopContinueTheTraceOfTheIncomingRecord() {
        Fixtures.shelter(Fixtures.LYON, 1);
        ReferralSubmitted referral = Fixtures.womanInNice();
        String traceId = UUID.randomUUID().toString().replace("-", "");
        String upstreamSpan = UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        kafka.publishRaw(
                Topics.REFERRALS,
                referral.referralId().toString(),
                EventJson.write(referral),
                Map.of(
                        "ce_specversion",
                        "1.0",
                        "ce_id",
                        UUID.randomUUID().toString(),
                        "ce_type",
                        EventType.REFERRAL_SUBMITTED.type(),
                        "ce_source",
                        "/acse/intake-service",
                        "traceparent",
                        "00-" + traceId + "-" + upstreamSpan + "-01"));
        kafka.await(EventType.PLACEMENT_PROPOSED, referral.referralId(), PlacementProposed.class);

        for (EventType type : List.of(EventType.PLACEMENT_SEARCHING, EventType.PLACEMENT_PROPOSED)) {
            String traceparent = KafkaEvents.header(
                            kafka.records(type, referral.referralId()).get(0), "traceparent")
                    .orElseThrow(() -> new AssertionError(type + " without traceparent"));
            // same trace, a span of this service (the consumer's), not the upstream one
            assertThat(traceparent)
                    .as(type.type())
                    .matches("00-" + traceId + "-[0-9a-f]{16}-01")
                    .doesNotContain(upstreamSpan);
        }
    }

    @Test
    void aDeclineNeedsAReasonFromTheList() {
        JsonPath lyon = Fixtures.shelter(Fixtures.LYON, 1);
        PlacementProposed proposed = submitAndAwaitProposal(Fixtures.womanInNice());
        given().auth()
                .oauth2(Tokens.staff(Fixtures.id(lyon)))
                .contentType("application/json")
                .body("{\"reason\":\"BORED\"}")
                .post("/api/v1/placements/" + proposed.placementId() + "/decline")
                .then()
                .log()
                .ifValidationFails()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("reason"));
        given().auth()
                .oauth2(Tokens.staff(Fixtures.id(lyon)))
                .contentType("application/json")
                .body("{}")
                .post("/api/v1/placements/" + proposed.placementId() + "/decline")
                .then()
                .statusCode(400);
        given().auth()
                .oauth2(Tokens.staff(Fixtures.id(lyon)))
                .get("/api/v1/placements/" + proposed.placementId())
                .then()
                .statusCode(200)
                .body("status", equalTo("HELD"));
    }

    @Test
    void anOverdueHoldExpiresAndTheNextCandidateIsProposed() {
        double expiries = metric("acse_placement_hold_expiries_total");
        JsonPath lyon = Fixtures.shelter(Fixtures.LYON, 1);
        JsonPath paris = Fixtures.shelter(Fixtures.PARIS, 1);
        ReferralSubmitted referral = Fixtures.womanInNice();
        PlacementProposed first = submitAndAwaitProposal(referral);
        assertThat(first.shelterId()).isEqualTo(Fixtures.id(lyon));

        fixtures.overdue(first.placementId());

        PlacementDecided expired =
                kafka.await(EventType.PLACEMENT_EXPIRED, referral.referralId(), PlacementDecided.class);
        assertThat(expired.placementId()).isEqualTo(first.placementId());
        PlacementProposed next = kafka.await(
                EventType.PLACEMENT_PROPOSED,
                referral.referralId(),
                PlacementProposed.class,
                p -> !p.placementId().equals(first.placementId()));
        assertThat(next.shelterId()).isEqualTo(Fixtures.id(paris));
        given().auth()
                .oauth2(Tokens.staff(Fixtures.id(lyon)))
                .post("/api/v1/placements/" + first.placementId() + "/accept")
                .then()
                .statusCode(409);
        awaitIncrease(expiries, 1, "acse_placement_hold_expiries_total");
    }

    @Test
    void noMatchWaitsAndIsRematchedWhenAPlaceIsPublished() {
        JsonPath lyon = Fixtures.shelter(Fixtures.LYON, 1);
        given().auth()
                .oauth2(Tokens.staff(Fixtures.id(lyon)))
                .contentType("application/json")
                .body("{\"status\":\"OCCUPIED\"}")
                .put("/api/v1/shelters/" + Fixtures.id(lyon) + "/units/" + Fixtures.unit(lyon, 0) + "/availability")
                .then()
                .statusCode(200);
        ReferralSubmitted referral = Fixtures.womanInNice();
        kafka.publish(EventType.REFERRAL_SUBMITTED, referral);
        PlacementNoMatch noMatch =
                kafka.await(EventType.PLACEMENT_NO_MATCH, referral.referralId(), PlacementNoMatch.class);
        assertThat(noMatch.pseudonym()).isEqualTo(referral.pseudonym());

        given().auth()
                .oauth2(Tokens.staff(Fixtures.id(lyon)))
                .contentType("application/json")
                .body("{\"status\":\"FREE\"}")
                .put("/api/v1/shelters/" + Fixtures.id(lyon) + "/units/" + Fixtures.unit(lyon, 0) + "/availability")
                .then()
                .statusCode(200)
                .body("status", equalTo("FREE"))
                .body("stale", equalTo(false));

        PlacementProposed proposed =
                kafka.await(EventType.PLACEMENT_PROPOSED, referral.referralId(), PlacementProposed.class);
        assertThat(proposed.unitId()).isEqualTo(Fixtures.unit(lyon, 0));
    }

    @Test
    void aWithdrawnReferralReleasesItsHoldToTheMostUrgentWaitingReferral() {
        JsonPath lyon = Fixtures.shelter(Fixtures.LYON, 1);
        ReferralSubmitted first = Fixtures.womanInNice();
        PlacementProposed held = submitAndAwaitProposal(first);
        ReferralSubmitted later = Fixtures.referral(Gender.FEMALE, List.of(), Urgency.WITHIN_7_DAYS);
        ReferralSubmitted urgent = Fixtures.womanInNice();
        kafka.publish(EventType.REFERRAL_SUBMITTED, later);
        kafka.publish(EventType.REFERRAL_SUBMITTED, urgent);
        kafka.await(EventType.PLACEMENT_NO_MATCH, later.referralId(), PlacementNoMatch.class);
        kafka.await(EventType.PLACEMENT_NO_MATCH, urgent.referralId(), PlacementNoMatch.class);

        kafka.publish(EventType.REFERRAL_WITHDRAWN, new ReferralWithdrawn(first.referralId(), Instant.now()));

        PlacementDecided cancelled =
                kafka.await(EventType.PLACEMENT_CANCELLED, first.referralId(), PlacementDecided.class);
        assertThat(cancelled.placementId()).isEqualTo(held.placementId());
        PlacementProposed next =
                kafka.await(EventType.PLACEMENT_PROPOSED, urgent.referralId(), PlacementProposed.class);
        assertThat(next.unitId()).isEqualTo(Fixtures.unit(lyon, 0));
        assertThat(fixtures.referralStatus(first.referralId())).isEqualTo("WITHDRAWN");
        assertThat(fixtures.referralStatus(later.referralId())).isEqualTo("NO_MATCH");
    }

    @Test
    void anEventDeliveredTwiceChangesNothingTwice() {
        Fixtures.shelter(Fixtures.LYON, 1, 1);
        ReferralSubmitted referral = Fixtures.womanInNice();
        UUID eventId = UUID.randomUUID();
        kafka.publish(EventType.REFERRAL_SUBMITTED, referral, eventId);
        kafka.publish(EventType.REFERRAL_SUBMITTED, referral, eventId);
        kafka.publish(EventType.REFERRAL_SUBMITTED, referral); // same referral, another event id
        kafka.await(EventType.PLACEMENT_PROPOSED, referral.referralId(), PlacementProposed.class);
        // A withdrawal of the same referral rides the same partition: once it is handled, so are the copies.
        kafka.publish(EventType.REFERRAL_WITHDRAWN, new ReferralWithdrawn(referral.referralId(), Instant.now()));
        kafka.await(EventType.PLACEMENT_CANCELLED, referral.referralId(), PlacementDecided.class);
        assertThat(kafka.records(EventType.PLACEMENT_PROPOSED, referral.referralId()))
                .hasSize(1);
        assertThat(kafka.records(EventType.PLACEMENT_SEARCHING, referral.referralId()))
                .hasSize(1);
    }

    @Test
    void poisonGoesToTheDeadLetterTopicAndTheConsumerGoesOn() {
        double deadLetters = metric("acse_dlq_messages_total", "topic", Topics.REFERRALS);
        Fixtures.shelter(Fixtures.LYON, 1);
        String poisonKey = UUID.randomUUID().toString();
        kafka.publishRaw(
                Topics.REFERRALS,
                poisonKey,
                "{not json",
                Map.of(
                        "ce_id",
                        UUID.randomUUID().toString(),
                        "ce_type",
                        EventType.REFERRAL_SUBMITTED.type(),
                        "ce_specversion",
                        "1.0",
                        "ce_source",
                        "/evil"));
        // Well-formed, but naming a commune that does not exist: never guessed, parked in the DLQ too.
        ReferralSubmitted nowhere = new ReferralSubmitted(
                UUID.randomUUID(),
                "R-NOWHERE",
                Tokens.ORG_A,
                Fixtures.womanInNice().household(),
                null,
                List.of(),
                Urgency.IMMEDIATE,
                List.of(DangerZone.commune("99999")),
                Fixtures.NICE,
                200,
                Instant.now(),
                null,
                null);
        kafka.publish(EventType.REFERRAL_SUBMITTED, nowhere);
        ReferralSubmitted after = Fixtures.womanInNice();
        submitAndAwaitProposal(after);
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(kafka.records(Topics.deadLetter(Topics.REFERRALS)))
                        .anyMatch(r -> poisonKey.equals(r.key()))
                        .anyMatch(r -> nowhere.referralId().toString().equals(r.key())));
        assertThat(kafka.records(EventType.PLACEMENT_SEARCHING, nowhere.referralId()))
                .isEmpty();
        awaitIncrease(deadLetters, 2, "acse_dlq_messages_total", "topic", Topics.REFERRALS);
    }

    @Test
    void aCoordinatorPlacesManuallyOnAnEligibleUnitOnly() {
        JsonPath lyon = Fixtures.shelter(Fixtures.LYON, 1);
        JsonPath paris = Fixtures.shelter(Fixtures.PARIS, 1);
        JsonPath marseille = Fixtures.shelter(Fixtures.MARSEILLE, 1);
        ReferralSubmitted referral = Fixtures.womanInNice();
        PlacementProposed first = submitAndAwaitProposal(referral);
        assertThat(first.shelterId()).isEqualTo(Fixtures.id(lyon));

        given().auth()
                .oauth2(Tokens.coordinator())
                .contentType("application/json")
                .body(Map.of("referralId", referral.referralId(), "unitId", Fixtures.unit(marseille, 0)))
                .post("/api/v1/placements")
                .then()
                .statusCode(409);
        String placed = given().auth()
                .oauth2(Tokens.coordinator())
                .contentType("application/json")
                .body(Map.of("referralId", referral.referralId(), "unitId", Fixtures.unit(paris, 0)))
                .post("/api/v1/placements")
                .then()
                .statusCode(201)
                .body("status", equalTo("HELD"))
                .body("manual", equalTo(true))
                .extract()
                .path("id");

        kafka.await(EventType.PLACEMENT_CANCELLED, referral.referralId(), PlacementDecided.class);
        PlacementProposed manual = kafka.await(
                EventType.PLACEMENT_PROPOSED,
                referral.referralId(),
                PlacementProposed.class,
                p -> p.placementId().toString().equals(placed));
        assertThat(manual.shelterId()).isEqualTo(Fixtures.id(paris));
        assertThat(fixtures.count("SELECT count(*) FROM audit_log WHERE action = 'placement.manual'"))
                .isPositive();
    }

    @Test
    @SuppressWarnings("unchecked")
    void coordinatorsSeeWhyEachShelterWasExcludedOrHowItScored() {
        JsonPath lyon = Fixtures.shelter(Fixtures.LYON, 1);
        Fixtures.shelter(Fixtures.MARSEILLE, 1);
        Fixtures.shelter(Fixtures.PARIS, "[\"MALE\"]", 1);
        ReferralSubmitted referral = Fixtures.womanInNice();
        PlacementProposed proposed = submitAndAwaitProposal(referral);
        assertThat(proposed.shelterId()).isEqualTo(Fixtures.id(lyon));

        JsonPath explanation = given().auth()
                .oauth2(Tokens.coordinator())
                .get("/api/v1/referrals/" + referral.referralId() + "/matching")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertThat(explanation.getList("shelters.findAll { it.exclusion == 'TOO_CLOSE_TO_DANGER_ZONE' }"))
                .hasSize(1);
        assertThat(explanation.getList("shelters.findAll { it.exclusion == 'GENDER_NOT_ACCEPTED' }"))
                .hasSize(1);
        Map<String, Object> lyonVerdict =
                explanation.getMap("shelters.find { it.shelterId == '" + Fixtures.id(lyon) + "' }");
        assertThat(lyonVerdict.get("eligible")).isEqualTo(true);
        assertThat(((Map<String, Object>) lyonVerdict.get("score")).keySet())
                .contains("availability", "languages", "needs", "travel", "occupancy", "total", "stale");
        assertThat(explanation.getInt("excluded.TOO_CLOSE_TO_DANGER_ZONE")).isEqualTo(1);
        assertThat(explanation.getInt("excluded.GENDER_NOT_ACCEPTED")).isEqualTo(1);

        // A page of a large registry asks for the best verdicts only; the counts still cover every shelter.
        JsonPath first = given().auth()
                .oauth2(Tokens.coordinator())
                .queryParam("limit", 1)
                .get("/api/v1/referrals/" + referral.referralId() + "/matching")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertThat(first.getList("shelters.shelterId"))
                .containsExactly(Fixtures.id(lyon).toString());
        assertThat(first.getInt("sheltersConsidered")).isEqualTo(explanation.getInt("sheltersConsidered"));
        assertThat(first.getInt("excluded.GENDER_NOT_ACCEPTED")).isEqualTo(1);
        given().auth()
                .oauth2(Tokens.coordinator())
                .queryParam("limit", 0)
                .get("/api/v1/referrals/" + referral.referralId() + "/matching")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("limit"));
        given().auth()
                .oauth2(Tokens.coordinator())
                .get("/api/v1/referrals/" + UUID.randomUUID() + "/matching")
                .then()
                .statusCode(404);
    }
}
