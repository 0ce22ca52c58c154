package org.acse.intake;

import static org.acse.intake.ReferralFixtures.as;
import static org.acse.intake.ReferralFixtures.awaitProcessed;
import static org.acse.intake.ReferralFixtures.awaitStatus;
import static org.acse.intake.ReferralFixtures.cancelled;
import static org.acse.intake.ReferralFixtures.decided;
import static org.acse.intake.ReferralFixtures.proposed;
import static org.acse.intake.ReferralFixtures.submit;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.acse.common.events.Cancellation;
import org.acse.common.events.CloudEventHeaders;
import org.acse.common.events.EventType;
import org.acse.common.events.PlacementNoMatch;
import org.acse.common.events.PlacementSearching;
import org.acse.common.events.Topics;
import org.acse.common.events.Urgency;
import org.acse.testsupport.KafkaEvents;
import org.acse.testsupport.Tokens;
import org.awaitility.Awaitility;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;

/** The partner-visible status follows placement events published on the real broker. */
@QuarkusTest
class StatusTimelineTest {
    private final KafkaEvents kafka = KafkaEvents.onSharedBroker();

    @Inject
    DataSource dataSource;

    @Test
    void theTimelineFollowsTheFlowAndNeverNamesTheShelterToThePartner() {
        String partner = Tokens.partner(Tokens.ORG_A);
        UUID id = submit(partner);
        UUID declining = UUID.randomUUID();
        UUID accepting = UUID.randomUUID();
        UUID first = UUID.randomUUID();
        UUID second = UUID.randomUUID();
        Instant t = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        kafka.publish(EventType.PLACEMENT_SEARCHING, new PlacementSearching(id, t));
        kafka.publish(EventType.PLACEMENT_PROPOSED, proposed(id, first, declining, t.plusSeconds(1)));
        kafka.publish(EventType.PLACEMENT_DECLINED, decided(id, first, declining, t.plusSeconds(2)));
        kafka.publish(EventType.PLACEMENT_PROPOSED, proposed(id, second, accepting, t.plusSeconds(3)));
        kafka.publish(EventType.PLACEMENT_ACCEPTED, decided(id, second, accepting, t.plusSeconds(4)));
        awaitStatus(id, "ACCEPTED", partner);
        kafka.publish(EventType.PLACEMENT_ARRIVED, decided(id, second, accepting, t.plusSeconds(5)));
        awaitStatus(id, "ARRIVED", partner);

        String partnerView = as(partner)
                .get("/api/v1/referrals/" + id)
                .then()
                .statusCode(200)
                .body(
                        "timeline.status",
                        contains("SUBMITTED", "SEARCHING", "PROPOSED", "SEARCHING", "PROPOSED", "ACCEPTED", "ARRIVED"))
                .body("timeline[2].at", equalTo(t.plusSeconds(1).toString()))
                .extract()
                .asString();
        assertThat(partnerView).doesNotContain(accepting.toString(), declining.toString(), "shelter", "Shelter");
        as(Tokens.coordinator())
                .get("/api/v1/referrals/" + id)
                .then()
                .body("acceptedShelterId", equalTo(accepting.toString()));
    }

    @Test
    void noMatchThenSearchingAgain() {
        String partner = Tokens.partner(Tokens.ORG_A);
        UUID id = submit(partner);
        Instant t = Instant.now();
        kafka.publish(EventType.PLACEMENT_NO_MATCH, new PlacementNoMatch(id, "R-TEST0000", Urgency.IMMEDIATE, 12, t));
        awaitStatus(id, "NO_MATCH", partner);
        kafka.publish(EventType.PLACEMENT_SEARCHING, new PlacementSearching(id, t.plusSeconds(1)));
        awaitStatus(id, "SEARCHING", partner);
    }

    @Test
    void anEventDeliveredTwiceChangesNothingTwice() {
        String partner = Tokens.partner(Tokens.ORG_A);
        UUID id = submit(partner);
        Instant t = Instant.now();
        UUID noMatch = UUID.randomUUID();
        PlacementNoMatch event = new PlacementNoMatch(id, "R-TEST0000", Urgency.IMMEDIATE, 3, t);
        kafka.publish(EventType.PLACEMENT_NO_MATCH, event, noMatch);
        UUID searching = kafka.publish(EventType.PLACEMENT_SEARCHING, new PlacementSearching(id, t.plusSeconds(1)));
        kafka.publish(EventType.PLACEMENT_NO_MATCH, event, noMatch);
        UUID proposal = kafka.publish(
                EventType.PLACEMENT_PROPOSED, proposed(id, UUID.randomUUID(), UUID.randomUUID(), t.plusSeconds(2)));
        awaitProcessed(dataSource, noMatch, searching, proposal);
        as(partner)
                .get("/api/v1/referrals/" + id)
                .then()
                .body("timeline.status", contains("SUBMITTED", "NO_MATCH", "SEARCHING", "PROPOSED"));
    }

    @Test
    void staleAndOutOfOrderEventsDoNotMoveTheReferral() {
        String partner = Tokens.partner(Tokens.ORG_A);
        UUID id = submit(partner);
        UUID shelter = UUID.randomUUID();
        UUID current = UUID.randomUUID();
        Instant t = Instant.now();
        kafka.publish(EventType.PLACEMENT_PROPOSED, proposed(id, current, shelter, t));
        awaitStatus(id, "PROPOSED", partner);
        // Older than what was applied; a decline of a placement that is not the current one; no-match while proposed.
        UUID older = kafka.publish(EventType.PLACEMENT_SEARCHING, new PlacementSearching(id, t.minusSeconds(60)));
        UUID otherDecline = kafka.publish(
                EventType.PLACEMENT_DECLINED, decided(id, UUID.randomUUID(), UUID.randomUUID(), t.plusSeconds(1)));
        awaitProcessed(dataSource, older, otherDecline);
        as(partner).get("/api/v1/referrals/" + id).then().body("status", equalTo("PROPOSED"));

        kafka.publish(EventType.PLACEMENT_ACCEPTED, decided(id, current, shelter, t.plusSeconds(2)));
        kafka.publish(EventType.PLACEMENT_ARRIVED, decided(id, current, shelter, t.plusSeconds(3)));
        awaitStatus(id, "ARRIVED", partner);
        // A closed referral stays closed, whatever comes after.
        UUID late1 = kafka.publish(EventType.PLACEMENT_DECLINED, decided(id, current, shelter, t.plusSeconds(10)));
        UUID late2 = kafka.publish(
                EventType.PLACEMENT_NO_MATCH,
                new PlacementNoMatch(id, "R-TEST0000", Urgency.IMMEDIATE, 1, t.plusSeconds(11)));
        UUID late3 = kafka.publish(
                EventType.PLACEMENT_PROPOSED, proposed(id, UUID.randomUUID(), UUID.randomUUID(), t.plusSeconds(12)));
        UUID late4 = kafka.publish(EventType.PLACEMENT_CANCELLED, decided(id, current, shelter, t.plusSeconds(13)));
        awaitProcessed(dataSource, late1, late2, late3, late4);
        as(partner)
                .get("/api/v1/referrals/" + id)
                .then()
                .body("status", equalTo("ARRIVED"))
                .body("timeline.status", contains("SUBMITTED", "PROPOSED", "ACCEPTED", "ARRIVED"));
    }

    @Test
    void aCancelledProposalThatWasTheLastOneOpenSearchesAgain() {
        String partner = Tokens.partner(Tokens.ORG_A);
        UUID id = submit(partner);
        UUID placement = UUID.randomUUID();
        UUID shelter = UUID.randomUUID();
        Instant t = Instant.now();
        kafka.publish(EventType.PLACEMENT_PROPOSED, proposed(id, placement, shelter, t));
        kafka.publish(
                EventType.PLACEMENT_CANCELLED,
                cancelled(id, placement, shelter, Cancellation.REPLACED, t.plusSeconds(1)));
        awaitStatus(id, "SEARCHING", partner);
        as(partner)
                .get("/api/v1/referrals/" + id)
                .then()
                .body("timeline.status", contains("SUBMITTED", "PROPOSED", "SEARCHING"));
    }

    @Test
    void aNoShowIsAStatusThePartnerSeesAndANewSearchLeavesIt() {
        String partner = Tokens.partner(Tokens.ORG_A);
        UUID id = submit(partner);
        UUID placement = UUID.randomUUID();
        UUID shelter = UUID.randomUUID();
        Instant t = Instant.now();
        kafka.publish(EventType.PLACEMENT_PROPOSED, proposed(id, placement, shelter, t));
        kafka.publish(EventType.PLACEMENT_ACCEPTED, decided(id, placement, shelter, t.plusSeconds(1)));
        kafka.publish(EventType.PLACEMENT_NO_SHOW, decided(id, placement, shelter, t.plusSeconds(2)));
        awaitStatus(id, "NO_SHOW", partner);
        as(partner)
                .get("/api/v1/referrals?status=NO_SHOW")
                .then()
                .statusCode(200)
                .body("items.id", Matchers.hasItem(id.toString()));
        // A coordinator asked placement to match again.
        kafka.publish(EventType.PLACEMENT_SEARCHING, new PlacementSearching(id, t.plusSeconds(3)));
        awaitStatus(id, "SEARCHING", partner);
        as(partner)
                .get("/api/v1/referrals/" + id)
                .then()
                .body("timeline.status", contains("SUBMITTED", "PROPOSED", "ACCEPTED", "NO_SHOW", "SEARCHING"));
    }

    @Test
    void poisonGoesToTheDeadLetterTopicAndTheConsumerGoesOn() {
        String partner = Tokens.partner(Tokens.ORG_A);
        UUID id = submit(partner);
        String key = id.toString();
        kafka.publishRaw(
                Topics.PLACEMENTS,
                key,
                "{not json",
                Map.of(
                        CloudEventHeaders.TYPE,
                        EventType.PLACEMENT_ACCEPTED.type(),
                        CloudEventHeaders.ID,
                        UUID.randomUUID().toString(),
                        CloudEventHeaders.SPEC_VERSION,
                        "1.0"));
        kafka.publishRaw(Topics.PLACEMENTS, key, "{}", Map.of());
        Awaitility.await()
                .atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(200))
                .until(() -> kafka.records(Topics.deadLetter(Topics.PLACEMENTS)).stream()
                                .filter(r -> key.equals(r.key()))
                                .count()
                        == 2);
        kafka.publish(EventType.PLACEMENT_SEARCHING, new PlacementSearching(id, Instant.now()));
        awaitStatus(id, "SEARCHING", partner);
    }

    @Test
    void eventsAboutUnknownReferralsAndUnknownTypesAreSkipped() {
        String partner = Tokens.partner(Tokens.ORG_A);
        UUID id = submit(partner);
        UUID unknown =
                kafka.publish(EventType.PLACEMENT_SEARCHING, new PlacementSearching(UUID.randomUUID(), Instant.now()));
        kafka.publishRaw(
                Topics.PLACEMENTS,
                id.toString(),
                "{}",
                Map.of(
                        CloudEventHeaders.TYPE,
                        "org.acse.placement.teleported.v9",
                        CloudEventHeaders.ID,
                        UUID.randomUUID().toString()));
        awaitProcessed(dataSource, unknown);
        kafka.publish(EventType.PLACEMENT_SEARCHING, new PlacementSearching(id, Instant.now()));
        awaitStatus(id, "SEARCHING", partner);
        assertThat(kafka.records(Topics.deadLetter(Topics.PLACEMENTS)).stream()
                        .filter(r -> id.toString().equals(r.key())))
                .isEmpty();
    }
}
