package org.acse.notification;

import static io.restassured.RestAssured.given;
import static org.acse.notification.TestAlerts.awaitStatus;
import static org.acse.notification.TestAlerts.ofKind;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.net.URL;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.acse.common.events.Cancellation;
import org.acse.common.events.DeclineReason;
import org.acse.common.events.EventType;
import org.acse.common.events.PlacementProposed;
import org.acse.common.events.ReferralSubmitted;
import org.acse.common.events.ReferralWithdrawn;
import org.acse.common.events.Urgency;
import org.acse.notification.alert.ReferralOrigin;
import org.acse.suite.WebhookReceiver;
import org.acse.testsupport.KafkaEvents;
import org.acse.testsupport.Tokens;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Every path of the decision loop as the teams, the coordinators and the referring organisation hear it, from
 * placement and referral events on the real broker to signed webhooks: parallel offers withdrawn, a back-out, a
 * no-show, and a possible duplicate.
 */
@QuarkusTest
class DecisionLoopTest {
    static final String SECRET = "whsec_ZGVjaXNpb24tbG9vcC1zZWNyZXQtMDEyMzQ1Njc4OQ==";
    static final WebhookReceiver receiver = new WebhookReceiver();
    final KafkaEvents kafka = KafkaEvents.onSharedBroker();
    final String coordination = "/coordination-" + UUID.randomUUID();

    @TestHTTPResource("/")
    URL base;

    @AfterAll
    static void close() {
        receiver.close();
    }

    @BeforeEach
    void coordinationWebhook() {
        given().auth()
                .oauth2(Tokens.coordinator())
                .contentType("application/json")
                .body("{\"emails\":[],\"webhookUrl\":\"" + receiver.url(coordination) + "\",\"webhookSecret\":\""
                        + SECRET + "\"}")
                .put("/api/v1/coordination/channels")
                .then()
                .statusCode(200);
    }

    @Test
    void withParallelOffersTheFirstAcceptanceWithdrawsTheOtherAndItsTeamIsTold() {
        String organisation = organisationWithWebhook();
        ReferralSubmitted referral = submitted(organisation, null);
        UUID shelterA = shelterWithWebhook();
        UUID shelterB = shelterWithWebhook();
        PlacementProposed toA = SampleEvents.proposed(referral, shelterA);
        PlacementProposed toB = SampleEvents.proposed(referral, shelterB);
        kafka.publish(EventType.PLACEMENT_PROPOSED, toA);
        kafka.publish(EventType.PLACEMENT_PROPOSED, toB);
        String alertB = alertOf(shelterB);

        kafka.publish(EventType.PLACEMENT_ACCEPTED, SampleEvents.decided(toA, null));
        kafka.publish(EventType.PLACEMENT_CANCELLED, SampleEvents.cancelled(toB, Cancellation.OFFER_TAKEN, null));

        awaitStatus(Tokens.staff(shelterB), alertB, "CANCELLED");
        List<WebhookReceiver.Delivery> toTeamB = await().atMost(Duration.ofSeconds(20))
                .until(() -> receiver.deliveries(shelterPath(shelterB)), d -> d.size() == 2);
        assertThat(toTeamB.get(1).header("X-Acse-Event")).isEqualTo(EventType.PLACEMENT_CANCELLED.type());
        JsonPath withdrawn = JsonPath.from(toTeamB.get(1).body());
        assertThat(withdrawn.getString("status")).isEqualTo("CANCELLED");
        assertThat(withdrawn.getString("cancellation")).isEqualTo("OFFER_TAKEN");
        assertThat(withdrawn.getString("placementId"))
                .isEqualTo(toB.placementId().toString());

        // the organisation hears PROPOSED once for the two offers, then ACCEPTED, and never which shelter
        await().atMost(Duration.ofSeconds(20)).until(() -> statuses(organisation), s -> s.size() == 2);
        await().during(Duration.ofSeconds(1))
                .atMost(Duration.ofSeconds(3))
                .until(() -> statuses(organisation), s -> s.equals(List.of("PROPOSED", "ACCEPTED")));
        receiver.deliveries(organisationPath(organisation))
                .forEach(d ->
                        assertThat(d.body()).doesNotContain(shelterA.toString()).doesNotContain(shelterB.toString()));
        // nothing for coordinators: the loop went on by itself
        assertThat(toCoordinators(referral.referralId())).isEmpty();
    }

    @Test
    void aManualPlacementElsewhereWithdrawsTheProposalAndItsTeamIsTold() {
        ReferralSubmitted referral = submitted(organisationWithWebhook(), null);
        UUID shelter = shelterWithWebhook();
        PlacementProposed proposed = SampleEvents.proposed(referral, shelter);
        kafka.publish(EventType.PLACEMENT_PROPOSED, proposed);
        String alertId = alertOf(shelter);

        kafka.publish(EventType.PLACEMENT_CANCELLED, SampleEvents.cancelled(proposed, Cancellation.REPLACED, null));

        awaitStatus(Tokens.staff(shelter), alertId, "CANCELLED");
        WebhookReceiver.Delivery told = await().atMost(Duration.ofSeconds(20))
                .until(() -> receiver.deliveries(shelterPath(shelter)), d -> d.size() == 2)
                .get(1);
        assertThat(JsonPath.from(told.body()).getString("cancellation")).isEqualTo("REPLACED");
    }

    @Test
    void aShelterThatBacksOutIsCancelledCoordinatorsAreToldAndTheReferralIsSearchingAgain() {
        String organisation = organisationWithWebhook();
        ReferralSubmitted referral = submitted(organisation, null);
        UUID shelter = shelterWithWebhook();
        PlacementProposed proposed = SampleEvents.proposed(referral, shelter);
        kafka.publish(EventType.PLACEMENT_PROPOSED, proposed);
        String alertId = alertOf(shelter);
        kafka.publish(EventType.PLACEMENT_ACCEPTED, SampleEvents.decided(proposed, null));
        awaitStatus(Tokens.staff(shelter), alertId, "ACCEPTED");

        kafka.publish(
                EventType.PLACEMENT_CANCELLED,
                SampleEvents.cancelled(proposed, Cancellation.BACKED_OUT, DeclineReason.SAFETY_CONCERN));

        awaitStatus(Tokens.staff(shelter), alertId, "CANCELLED");
        WebhookReceiver.Delivery toCoordinators = await().atMost(Duration.ofSeconds(20))
                .until(() -> toCoordinators(referral.referralId()), d -> !d.isEmpty())
                .get(0);
        assertThat(toCoordinators.header("X-Acse-Event")).isEqualTo(EventType.PLACEMENT_CANCELLED.type());
        JsonPath backedOut = JsonPath.from(toCoordinators.body());
        assertThat(backedOut.getString("kind")).isEqualTo("backed-out");
        assertThat(backedOut.getString("reason")).isEqualTo("SAFETY_CONCERN");
        assertThat(backedOut.getString("shelterId")).isEqualTo(shelter.toString());
        assertThat(backedOut.getString("placementId"))
                .isEqualTo(proposed.placementId().toString());
        assertThat(backedOut.getString("pseudonym")).isEqualTo(referral.pseudonym());
        // the team's own confirmation says it backed out
        WebhookReceiver.Delivery toTeam = await().atMost(Duration.ofSeconds(20))
                .until(() -> receiver.deliveries(shelterPath(shelter)), d -> d.size() == 3)
                .get(2);
        assertThat(JsonPath.from(toTeam.body()).getString("cancellation")).isEqualTo("BACKED_OUT");

        await().atMost(Duration.ofSeconds(20))
                .until(() -> statuses(organisation), s -> s.equals(List.of("PROPOSED", "ACCEPTED", "SEARCHING")));
    }

    @Test
    void aNoShowClosesTheTeamsAlertAndAsksCoordinatorsToDecideOnTheirDashboardAndChannels() {
        String organisation = organisationWithWebhook();
        ReferralSubmitted referral = submitted(organisation, null);
        UUID shelter = shelterWithWebhook();
        PlacementProposed proposed = SampleEvents.proposed(referral, shelter);
        kafka.publish(EventType.PLACEMENT_PROPOSED, proposed);
        String proposalAlert = alertOf(shelter);
        kafka.publish(EventType.PLACEMENT_ACCEPTED, SampleEvents.decided(proposed, null));
        awaitStatus(Tokens.staff(shelter), proposalAlert, "ACCEPTED");

        try (AlertStream coordinators = AlertStream.open(baseUrl(), Tokens.coordinator());
                AlertStream team = AlertStream.open(baseUrl(), Tokens.staff(shelter))) {
            kafka.publish(EventType.PLACEMENT_NO_SHOW, SampleEvents.decided(proposed, null));

            awaitStatus(Tokens.staff(shelter), proposalAlert, "NO_SHOW");
            JsonPath noShow = await().atMost(Duration.ofSeconds(20))
                    .until(() -> ofKind(referral.referralId(), "NO_SHOW"), a -> a.getInt("total") == 1);
            assertThat(noShow.getString("items[0].status")).isEqualTo("OPEN");
            assertThat(noShow.getString("items[0].placementId"))
                    .isEqualTo(proposed.placementId().toString());
            assertThat(noShow.getString("items[0].pseudonym")).isEqualTo(referral.pseudonym());
            String noShowAlert = noShow.getString("items[0].id");

            // coordinators see it live; the team sees its own proposal move, never the coordinators' alert
            await().atMost(Duration.ofSeconds(10)).until(() -> coordinators.mentioning(noShowAlert), l -> !l.isEmpty());
            await().atMost(Duration.ofSeconds(10)).until(() -> team.mentioning(proposalAlert), l -> !l.isEmpty());
            assertThat(team.mentioning(noShowAlert)).isEmpty();
            JsonPath teamList = given().auth()
                    .oauth2(Tokens.staff(shelter))
                    .get("/api/v1/alerts")
                    .then()
                    .statusCode(200)
                    .extract()
                    .jsonPath();
            assertThat(teamList.getList("items.id", String.class)).containsExactly(proposalAlert);
            given().auth()
                    .oauth2(Tokens.staff(shelter))
                    .get("/api/v1/alerts/" + noShowAlert)
                    .then()
                    .statusCode(404);

            WebhookReceiver.Delivery told = await().atMost(Duration.ofSeconds(20))
                    .until(() -> toCoordinators(referral.referralId()), d -> !d.isEmpty())
                    .get(0);
            assertThat(told.header("X-Acse-Event")).isEqualTo(EventType.PLACEMENT_NO_SHOW.type());
            assertThat(JsonPath.from(told.body()).getString("kind")).isEqualTo("no-show");
            assertThat(JsonPath.from(told.body()).getString("alertId")).isEqualTo(noShowAlert);
            await().atMost(Duration.ofSeconds(20))
                    .until(() -> statuses(organisation), s -> s.equals(List.of("PROPOSED", "ACCEPTED", "NO_SHOW")));

            // a coordinator matches the referral again: the decision is taken
            kafka.publish(EventType.PLACEMENT_SEARCHING, SampleEvents.searching(referral.referralId()));
            awaitStatus(Tokens.coordinator(), noShowAlert, "RESOLVED");
        }
    }

    @Test
    void aPossibleDuplicateWaitsForCoordinatorsWithBothReferralsAndClosesWhenTheReferralMovesOn() {
        String organisation = organisationWithWebhook();
        ReferralSubmitted original = submitted(organisation, null);
        ReferralSubmitted duplicate = submitted(organisation, original.referralId());

        JsonPath alert = await().atMost(Duration.ofSeconds(20))
                .until(() -> ofKind(duplicate.referralId(), "POSSIBLE_DUPLICATE"), a -> a.getInt("total") == 1);
        assertThat(alert.getString("items[0].status")).isEqualTo("OPEN");
        assertThat(alert.getString("items[0].relatedReferralId"))
                .isEqualTo(original.referralId().toString());
        assertThat(alert.getString("items[0].pseudonym")).isEqualTo(duplicate.pseudonym());
        String alertId = alert.getString("items[0].id");

        WebhookReceiver.Delivery told = await().atMost(Duration.ofSeconds(20))
                .until(() -> toCoordinators(duplicate.referralId()), d -> !d.isEmpty())
                .get(0);
        JsonPath body = JsonPath.from(told.body());
        assertThat(body.getString("kind")).isEqualTo("possible-duplicate");
        assertThat(body.getString("relatedReferralId"))
                .isEqualTo(original.referralId().toString());
        assertThat(body.getString("relatedPseudonym")).isEqualTo(original.pseudonym());
        assertThat(body.getString("dashboardUrl")).endsWith("/coordinator/decisions");
        // no shelter sees it
        given().auth()
                .oauth2(Tokens.staff(UUID.randomUUID()))
                .get("/api/v1/alerts/" + alertId)
                .then()
                .statusCode(404);

        kafka.publish(EventType.PLACEMENT_SEARCHING, SampleEvents.searching(duplicate.referralId()));
        awaitStatus(Tokens.coordinator(), alertId, "RESOLVED");
    }

    @Test
    void aPossibleDuplicateIsResolvedByAProposalOrANoMatchAndWithdrawnWithItsReferral() {
        String organisation = organisationWithWebhook();
        ReferralSubmitted original = submitted(organisation, null);
        ReferralSubmitted proposedLater = submitted(organisation, original.referralId());
        ReferralSubmitted noPlace = submitted(organisation, original.referralId());
        ReferralSubmitted withdrawn = submitted(organisation, original.referralId());
        String proposedAlert = duplicateAlert(proposedLater);
        String noPlaceAlert = duplicateAlert(noPlace);
        String withdrawnAlert = duplicateAlert(withdrawn);

        kafka.publish(EventType.PLACEMENT_PROPOSED, SampleEvents.proposed(proposedLater, UUID.randomUUID()));
        kafka.publish(
                EventType.PLACEMENT_NO_MATCH,
                SampleEvents.noMatch(noPlace.referralId(), noPlace.pseudonym(), noPlace.urgency()));
        kafka.publish(EventType.REFERRAL_WITHDRAWN, new ReferralWithdrawn(withdrawn.referralId(), Instant.now()));

        awaitStatus(Tokens.coordinator(), proposedAlert, "RESOLVED");
        awaitStatus(Tokens.coordinator(), noPlaceAlert, "RESOLVED");
        awaitStatus(Tokens.coordinator(), withdrawnAlert, "WITHDRAWN");
        // the no-match that resolved it is a coordinators' alert of its own: acknowledged here, so it is not escalated
        String noMatch = await().atMost(Duration.ofSeconds(20))
                .until(() -> ofKind(noPlace.referralId(), "NO_MATCH"), a -> a.getInt("total") == 1)
                .getString("items[0].id");
        given().auth()
                .oauth2(Tokens.coordinator())
                .post("/api/v1/alerts/" + noMatch + "/ack")
                .then()
                .statusCode(200);
    }

    private String duplicateAlert(ReferralSubmitted referral) {
        return await().atMost(Duration.ofSeconds(20))
                .until(() -> ofKind(referral.referralId(), "POSSIBLE_DUPLICATE"), a -> a.getInt("total") == 1)
                .getString("items[0].id");
    }

    /** Published, and known to notification before anything else about it happens (two topics, no order). */
    private ReferralSubmitted submitted(String organisation, UUID possibleDuplicateOf) {
        ReferralSubmitted referral = SampleEvents.submitted(organisation, Urgency.WITHIN_72H, possibleDuplicateOf);
        kafka.publish(EventType.REFERRAL_SUBMITTED, referral);
        await().atMost(Duration.ofSeconds(20))
                .until(() -> QuarkusTransaction.requiringNew()
                        .call(() -> ReferralOrigin.findById(referral.referralId()) != null));
        return referral;
    }

    private String organisationWithWebhook() {
        String organisation = "org-" + UUID.randomUUID().toString().substring(0, 8);
        given().auth()
                .oauth2(Tokens.coordinator())
                .contentType("application/json")
                .body("{\"emails\":[],\"webhookUrl\":\"" + receiver.url(organisationPath(organisation))
                        + "\",\"webhookSecret\":\"" + SECRET + "\"}")
                .put("/api/v1/organisations/" + organisation + "/channels")
                .then()
                .statusCode(200);
        return organisation;
    }

    private UUID shelterWithWebhook() {
        UUID shelter = UUID.randomUUID();
        WebhookDeliveryTest.webhookFor(shelter, receiver.url(shelterPath(shelter)));
        return shelter;
    }

    private static String shelterPath(UUID shelter) {
        return "/shelter-" + shelter;
    }

    private static String organisationPath(String organisation) {
        return "/organisation-" + organisation;
    }

    /** The referral statuses the organisation was told, in order. */
    private static List<String> statuses(String organisation) {
        return receiver.deliveries(organisationPath(organisation)).stream()
                .map(d -> JsonPath.from(d.body()).getString("status"))
                .toList();
    }

    private List<WebhookReceiver.Delivery> toCoordinators(UUID referralId) {
        return TestAlerts.about(receiver, coordination, referralId);
    }

    private static String alertOf(UUID shelter) {
        return await().atMost(Duration.ofSeconds(20))
                .until(
                        () -> given().auth()
                                .oauth2(Tokens.staff(shelter))
                                .get("/api/v1/alerts")
                                .then()
                                .extract()
                                .<String>path("items[0].id"),
                        id -> id != null);
    }

    private String baseUrl() {
        String url = base.toString();
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
