package org.acse.placement.decision;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.UUID;
import org.acse.common.events.Cancellation;
import org.acse.common.events.EventType;
import org.acse.common.events.PlacementDecided;
import org.acse.common.events.PlacementProposed;
import org.acse.common.events.PlacementSearching;
import org.acse.common.events.ReferralSubmitted;
import org.acse.common.events.Topics;
import org.acse.placement.Fixtures;
import org.acse.testsupport.KafkaEvents;
import org.acse.testsupport.Tokens;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Every path after a proposal ends somewhere safe, over the real broker and database: backing out after an
 * acceptance, a person who never arrives, a possible duplicate, and the meeting point that only the referring
 * organisation and coordinators read.
 */
@QuarkusTest
class DecisionLoopTest {
    static final String MEETING_PLACE = "Hall 2 de la gare Part-Dieu, sous l'horloge";

    final KafkaEvents kafka = KafkaEvents.onSharedBroker();

    @Inject
    Fixtures fixtures;

    @Inject
    Arrangements arrangements;

    @BeforeEach
    void cleanNetwork() {
        fixtures.reset();
    }

    PlacementProposed submitAndAwaitProposal(ReferralSubmitted referral) {
        kafka.publish(EventType.REFERRAL_SUBMITTED, referral);
        return kafka.await(EventType.PLACEMENT_PROPOSED, referral.referralId(), PlacementProposed.class);
    }

    static void accept(UUID shelter, UUID placement, String body) {
        var request = given().auth().oauth2(Tokens.staff(shelter));
        if (body != null) {
            request = request.contentType("application/json").body(body);
        }
        request.post("/api/v1/placements/" + placement + "/accept")
                .then()
                .log()
                .ifValidationFails()
                .statusCode(200)
                .body("status", equalTo("ACCEPTED"));
    }

    @Test
    void aShelterThatBacksOutIsNeverProposedAgainAndTheNextOneIsHeld() {
        double backOuts = PlacementFlowTest.metric("acse_placement_back_outs_total", "reason", "staff_unavailable");
        double declines = PlacementFlowTest.metric("acse_placement_declines_total", "reason", "staff_unavailable");
        JsonPath lyon = Fixtures.shelter(Fixtures.LYON, 1, 1);
        JsonPath paris = Fixtures.shelter(Fixtures.PARIS, 1);
        ReferralSubmitted referral = Fixtures.womanInNice();
        PlacementProposed first = submitAndAwaitProposal(referral);
        assertThat(first.shelterId()).isEqualTo(Fixtures.id(lyon));
        accept(Fixtures.id(lyon), first.placementId(), null);
        String lyonStaff = Tokens.staff(Fixtures.id(lyon));

        // Declining is for a proposal; an accepted placement is backed out of, with a reason.
        given().auth()
                .oauth2(lyonStaff)
                .contentType("application/json")
                .body("{\"reason\":\"OTHER\"}")
                .post("/api/v1/placements/" + first.placementId() + "/decline")
                .then()
                .statusCode(409);
        given().auth()
                .oauth2(Tokens.staff(Fixtures.id(paris)))
                .contentType("application/json")
                .body("{\"reason\":\"OTHER\"}")
                .post("/api/v1/placements/" + first.placementId() + "/cancel")
                .then()
                .statusCode(404);
        given().auth()
                .oauth2(lyonStaff)
                .contentType("application/json")
                .body("{}")
                .post("/api/v1/placements/" + first.placementId() + "/cancel")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("reason"));
        given().auth()
                .oauth2(lyonStaff)
                .contentType("application/json")
                .body("{\"reason\":\"STAFF_UNAVAILABLE\",\"comment\":\"équipe de nuit absente\"}")
                .post("/api/v1/placements/" + first.placementId() + "/cancel")
                .then()
                .statusCode(200)
                .body("status", equalTo("CANCELLED"))
                .body("cancellation", equalTo("BACKED_OUT"))
                .body("declineReason", equalTo("STAFF_UNAVAILABLE"));

        PlacementDecided cancelled =
                kafka.await(EventType.PLACEMENT_CANCELLED, referral.referralId(), PlacementDecided.class);
        assertThat(cancelled.cancellation()).isEqualTo(Cancellation.BACKED_OUT);
        assertThat(cancelled.reason()).isEqualTo("STAFF_UNAVAILABLE");
        // Lyon still has a free unit, but it backed out: Paris is next.
        PlacementProposed next = kafka.await(
                EventType.PLACEMENT_PROPOSED,
                referral.referralId(),
                PlacementProposed.class,
                p -> !p.placementId().equals(first.placementId()));
        assertThat(next.shelterId()).isEqualTo(Fixtures.id(paris));
        assertThat(fixtures.referralStatus(referral.referralId())).isEqualTo("PROPOSED");
        assertThat(kafka.records(Topics.PLACEMENTS)).noneMatch(r -> r.value().contains("équipe de nuit"));
        // Counted as a back-out, never as a decline: a decline rate must not hide a shelter going back on its word.
        PlacementFlowTest.awaitIncrease(backOuts, 1, "acse_placement_back_outs_total", "reason", "staff_unavailable");
        assertThat(PlacementFlowTest.metric("acse_placement_declines_total", "reason", "staff_unavailable"))
                .isEqualTo(declines);
        assertThat(fixtures.count("SELECT count(*) FROM placement WHERE comment_ciphertext IS NOT NULL AND id = '"
                        + first.placementId() + "'"))
                .isEqualTo(1);

        // The second shelter accepts, the person arrives: the event names the shelter of arrival.
        accept(Fixtures.id(paris), next.placementId(), null);
        given().auth()
                .oauth2(Tokens.staff(Fixtures.id(paris)))
                .post("/api/v1/placements/" + next.placementId() + "/arrival")
                .then()
                .statusCode(200);
        PlacementDecided arrived =
                kafka.await(EventType.PLACEMENT_ARRIVED, referral.referralId(), PlacementDecided.class);
        assertThat(arrived.shelterId()).isEqualTo(Fixtures.id(paris));
        assertThat(fixtures.referralStatus(referral.referralId())).isEqualTo("ARRIVED");
        assertThat(fixtures.count("SELECT count(*) FROM audit_log WHERE action = 'placement.back-out' AND target_id = '"
                        + first.placementId() + "'"))
                .isEqualTo(1);
    }

    @Test
    void aPersonWhoDoesNotArriveInTheWindowIsANoShowAndACoordinatorDecidesWhatNext() {
        JsonPath lyon = Fixtures.shelter(Fixtures.LYON, 1);
        Fixtures.shelter(Fixtures.PARIS, 1);
        ReferralSubmitted referral = Fixtures.womanInNice();
        PlacementProposed proposed = submitAndAwaitProposal(referral);
        Instant now = Instant.now();
        accept(Fixtures.id(lyon), proposed.placementId(), """
                {"expectedArrival":{"from":"%s","until":"%s"}}""".formatted(
                        now.minus(1, ChronoUnit.HOURS), now.plus(1, ChronoUnit.HOURS)));
        fixtures.arrivalOverdue(proposed.placementId()); // the window closes without an arrival

        PlacementDecided noShow =
                kafka.await(EventType.PLACEMENT_NO_SHOW, referral.referralId(), PlacementDecided.class);
        assertThat(noShow.placementId()).isEqualTo(proposed.placementId());
        assertThat(fixtures.referralStatus(referral.referralId())).isEqualTo("AWAITING_DECISION");
        // The unit is free again, and nothing is proposed until a coordinator decides.
        given().auth()
                .oauth2(Tokens.staff(Fixtures.id(lyon)))
                .get("/api/v1/placements/" + proposed.placementId())
                .then()
                .statusCode(200)
                .body("status", equalTo("NO_SHOW"));
        assertThat(kafka.records(EventType.PLACEMENT_PROPOSED, referral.referralId()))
                .hasSize(1);
        given().auth()
                .oauth2(Tokens.staff(Fixtures.id(lyon)))
                .post("/api/v1/referrals/" + referral.referralId() + "/rematch")
                .then()
                .statusCode(403);

        given().auth()
                .oauth2(Tokens.coordinator())
                .post("/api/v1/referrals/" + referral.referralId() + "/rematch")
                .then()
                .statusCode(200)
                .body("status", equalTo("PROPOSED"));
        PlacementProposed again = kafka.await(
                EventType.PLACEMENT_PROPOSED,
                referral.referralId(),
                PlacementProposed.class,
                p -> !p.placementId().equals(proposed.placementId()));
        assertThat(again.unitId()).isNotNull();
        given().auth()
                .oauth2(Tokens.coordinator())
                .post("/api/v1/referrals/" + referral.referralId() + "/rematch")
                .then()
                .statusCode(409);
    }

    @Test
    void aPossibleDuplicateHoldsNoBedUntilACoordinatorProceeds() {
        Fixtures.shelter(Fixtures.LYON, 1);
        ReferralSubmitted original = Fixtures.womanInNice();
        ReferralSubmitted generated = Fixtures.womanInNice();
        ReferralSubmitted duplicate = new ReferralSubmitted(
                generated.referralId(),
                generated.pseudonym(),
                generated.organisationId(),
                generated.household(),
                generated.needs(),
                generated.languages(),
                generated.urgency(),
                generated.dangerZones(),
                generated.currentCommuneCode(),
                generated.minDistanceKm(),
                generated.submittedAt(),
                original.referralId(),
                null);
        kafka.publish(EventType.REFERRAL_SUBMITTED, duplicate);

        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(fixtures.referralStatus(duplicate.referralId()))
                        .isEqualTo("AWAITING_DECISION"));
        // The handling committed: whatever it published is in the outbox, and it holds no search and no proposal.
        assertThat(fixtures.count("SELECT count(*) FROM outbox_message WHERE message_key = '" + duplicate.referralId()
                        + "' AND event_type IN ('" + EventType.PLACEMENT_SEARCHING.type() + "', '"
                        + EventType.PLACEMENT_PROPOSED.type() + "')"))
                .isZero();
        assertThat(fixtures.count(
                        "SELECT count(*) FROM placement WHERE referral_id = '" + duplicate.referralId() + "'"))
                .isZero();

        Fixtures.shelter(Fixtures.PARIS, 1);
        given().auth()
                .oauth2(Tokens.coordinator())
                .post("/api/v1/referrals/" + duplicate.referralId() + "/rematch")
                .then()
                .statusCode(200);
        kafka.await(EventType.PLACEMENT_SEARCHING, duplicate.referralId(), PlacementSearching.class);
        kafka.await(EventType.PLACEMENT_PROPOSED, duplicate.referralId(), PlacementProposed.class);
    }

    @Test
    void theMeetingPointIsForTheReferringOrganisationAndCoordinatorsOnly() {
        JsonPath lyon = Fixtures.shelter(Fixtures.LYON, 1);
        ReferralSubmitted referral = Fixtures.womanInNice();
        PlacementProposed proposed = submitAndAwaitProposal(referral);
        String arrival = "/api/v1/referrals/" + referral.referralId() + "/arrival";
        given().auth().oauth2(Tokens.partner(Tokens.ORG_A)).get(arrival).then().statusCode(404);

        Instant at = Instant.now().plus(3, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS);
        given().auth()
                .oauth2(Tokens.staff(Fixtures.id(lyon)))
                .contentType("application/json")
                .body(Map.of("meetingPoint", Map.of("place", " ")))
                .post("/api/v1/placements/" + proposed.placementId() + "/accept")
                .then()
                .statusCode(400)
                .body("errors.field", Matchers.hasItems("meetingPoint.place", "meetingPoint.at"));
        accept(Fixtures.id(lyon), proposed.placementId(), """
                {"meetingPoint":{"place":"%s","at":"%s"}}""".formatted(MEETING_PLACE, at));

        given().auth()
                .oauth2(Tokens.partner(Tokens.ORG_A))
                .get(arrival)
                .then()
                .statusCode(200)
                .body("status", equalTo("ACCEPTED"))
                .body("meetingPoint.place", equalTo(MEETING_PLACE))
                .body("meetingPoint.at", equalTo(at.toString()))
                .body("shelterId", nullValue())
                .body("expectedArrival.until", Matchers.notNullValue());
        given().auth()
                .oauth2(Tokens.coordinator())
                .get(arrival)
                .then()
                .statusCode(200)
                .body("meetingPoint.place", equalTo(MEETING_PLACE));
        given().auth().oauth2(Tokens.partner(Tokens.ORG_B)).get(arrival).then().statusCode(404);
        given().auth()
                .oauth2(Tokens.staff(Fixtures.id(lyon)))
                .get(arrival)
                .then()
                .statusCode(403);
        // The shelter's own view says a meeting point was given, not what it is.
        String view = given().auth()
                .oauth2(Tokens.staff(Fixtures.id(lyon)))
                .get("/api/v1/placements/" + proposed.placementId())
                .then()
                .statusCode(200)
                .body("meetingPointGiven", equalTo(true))
                .extract()
                .asString();
        assertThat(view).doesNotContain("Part-Dieu");

        assertThat(kafka.records(Topics.PLACEMENTS)).noneMatch(r -> r.value().contains("Part-Dieu"));
        assertThat(fixtures.count("SELECT count(*) FROM placement WHERE position(convert_to('Part-Dieu', 'UTF8')"
                        + " in meeting_point_ciphertext) > 0"))
                .isZero();
        assertThat(fixtures.count("SELECT count(*) FROM audit_log WHERE action = 'placement.arrival.read'"
                        + " AND target_id = '" + referral.referralId() + "'"))
                .isEqualTo(2);

        // Once the referral is closed and its retention delay passed, the meeting point goes with its personal data.
        given().auth()
                .oauth2(Tokens.staff(Fixtures.id(lyon)))
                .post("/api/v1/placements/" + proposed.placementId() + "/arrival")
                .then()
                .statusCode(200);
        assertThat(arrangements.eraseClosedBefore(Instant.now().minusSeconds(3600)))
                .isZero();
        assertThat(arrangements.eraseClosedBefore(Instant.now().plusSeconds(1))).isPositive();
        given().auth()
                .oauth2(Tokens.partner(Tokens.ORG_A))
                .get(arrival)
                .then()
                .statusCode(200)
                .body("status", equalTo("ARRIVED"))
                .body("meetingPoint", nullValue());
        assertThat(fixtures.count("SELECT count(*) FROM placement WHERE meeting_point_ciphertext IS NOT NULL AND id = '"
                        + proposed.placementId() + "'"))
                .isZero();
    }
}
