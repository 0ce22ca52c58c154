package org.acse.placement.decision;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.acse.common.events.Cancellation;
import org.acse.common.events.EventType;
import org.acse.common.events.Gender;
import org.acse.common.events.PlacementDecided;
import org.acse.common.events.PlacementProposed;
import org.acse.common.events.ReferralSubmitted;
import org.acse.common.events.Urgency;
import org.acse.placement.Fixtures;
import org.acse.testsupport.KafkaEvents;
import org.acse.testsupport.Tokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Parallel offers: an IMMEDIATE referral is held in up to three shelters at once; the first acceptance wins and
 * releases the other holds, and no number of concurrent acceptances ever gives one referral twice.
 */
@QuarkusTest
@TestProfile(ParallelOffersTest.ThreeOffers.class)
class ParallelOffersTest {
    public static class ThreeOffers implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("acse.decision.parallel-offers", "3");
        }
    }

    final KafkaEvents kafka = KafkaEvents.onSharedBroker();

    @Inject
    Fixtures fixtures;

    @Inject
    ReferralReactions referrals;

    @BeforeEach
    void cleanNetwork() {
        fixtures.reset();
    }

    @Test
    void anImmediateReferralIsOfferedToThreeSheltersAndTheFirstAcceptanceWins() {
        JsonPath lyon = Fixtures.shelter(Fixtures.LYON, 1);
        JsonPath paris = Fixtures.shelter(Fixtures.PARIS, 1);
        JsonPath rennes = Fixtures.shelter(Fixtures.RENNES, 1);
        ReferralSubmitted referral = Fixtures.womanInNice();
        kafka.publish(EventType.REFERRAL_SUBMITTED, referral);
        List<PlacementProposed> offers =
                kafka.awaitCount(EventType.PLACEMENT_PROPOSED, referral.referralId(), PlacementProposed.class, 3);
        assertThat(offers)
                .extracting(PlacementProposed::shelterId)
                .containsExactlyInAnyOrder(Fixtures.id(lyon), Fixtures.id(paris), Fixtures.id(rennes));
        PlacementProposed parisOffer = offers.stream()
                .filter(o -> o.shelterId().equals(Fixtures.id(paris)))
                .findFirst()
                .orElseThrow();

        given().auth()
                .oauth2(Tokens.staff(Fixtures.id(paris)))
                .post("/api/v1/placements/" + parisOffer.placementId() + "/accept")
                .then()
                .statusCode(200);

        List<PlacementDecided> released =
                kafka.awaitCount(EventType.PLACEMENT_CANCELLED, referral.referralId(), PlacementDecided.class, 2);
        assertThat(released)
                .allMatch(c -> c.cancellation() == Cancellation.OFFER_TAKEN)
                .extracting(PlacementDecided::shelterId)
                .containsExactlyInAnyOrder(Fixtures.id(lyon), Fixtures.id(rennes));
        PlacementProposed lyonOffer = offers.stream()
                .filter(o -> o.shelterId().equals(Fixtures.id(lyon)))
                .findFirst()
                .orElseThrow();
        given().auth()
                .oauth2(Tokens.staff(Fixtures.id(lyon)))
                .post("/api/v1/placements/" + lyonOffer.placementId() + "/accept")
                .then()
                .statusCode(409);
        given().auth()
                .oauth2(Tokens.staff(Fixtures.id(lyon)))
                .get("/api/v1/placements/" + lyonOffer.placementId())
                .then()
                .statusCode(200)
                .body("status", equalTo("CANCELLED"))
                .body("cancellation", equalTo("OFFER_TAKEN"));
        assertThat(fixtures.referralStatus(referral.referralId())).isEqualTo("ACCEPTED");
    }

    @Test
    void aReferralThatCanWaitIsOfferedToOneShelterAtATime() {
        Fixtures.shelter(Fixtures.LYON, 1);
        Fixtures.shelter(Fixtures.PARIS, 1);
        ReferralSubmitted referral = Fixtures.referral(Gender.FEMALE, List.of(), Urgency.WITHIN_72H);
        referrals.onSubmitted(referral);
        assertThat(fixtures.count("SELECT count(*) FROM placement WHERE status = 'HELD' AND referral_id = '"
                        + referral.referralId() + "'"))
                .isEqualTo(1);
    }

    @Test
    void concurrentAcceptancesOfEveryOfferGiveEachReferralExactlyOnce() throws Exception {
        int referralsCount = 8;
        int[] units = new int[referralsCount];
        Arrays.fill(units, 1);
        Fixtures.shelter(Fixtures.LYON, units);
        Fixtures.shelter(Fixtures.PARIS, units);
        Fixtures.shelter(Fixtures.RENNES, units);
        List<ReferralSubmitted> submitted = new ArrayList<>();
        for (int i = 0; i < referralsCount; i++) {
            ReferralSubmitted r = Fixtures.womanInNice();
            referrals.onSubmitted(r);
            submitted.add(r);
        }
        String ids = submitted.stream().map(r -> "'" + r.referralId() + "'").collect(Collectors.joining(","));
        @SuppressWarnings("unchecked")
        List<UUID> holds =
                fixtures.list("SELECT id FROM placement WHERE status = 'HELD' AND referral_id IN (" + ids + ")");
        assertThat(holds).hasSize(3 * referralsCount);

        String coordinator = Tokens.coordinator();
        ExecutorService pool = Executors.newFixedThreadPool(holds.size());
        CountDownLatch start = new CountDownLatch(1);
        Set<UUID> won = Collections.synchronizedSet(new HashSet<>());
        List<Integer> refusals = Collections.synchronizedList(new ArrayList<>());
        try {
            List<Future<?>> done = new ArrayList<>();
            for (UUID hold : holds) {
                done.add(pool.submit(() -> {
                    start.await();
                    int status = given().auth()
                            .oauth2(coordinator)
                            .post("/api/v1/placements/" + hold + "/accept")
                            .then()
                            .extract()
                            .statusCode();
                    if (status == 200) {
                        won.add(hold);
                    } else {
                        refusals.add(status);
                    }
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> f : done) {
                f.get(120, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }

        assertThat(won).hasSize(referralsCount);
        assertThat(refusals).hasSize(2 * referralsCount).containsOnly(409);
        assertThat(fixtures.count(
                        "SELECT count(*) FROM placement WHERE status = 'ACCEPTED' AND referral_id IN (" + ids + ")"))
                .isEqualTo(referralsCount);
        assertThat(fixtures.count("SELECT count(DISTINCT referral_id) FROM placement WHERE status = 'ACCEPTED'"
                        + " AND referral_id IN (" + ids + ")"))
                .isEqualTo(referralsCount);
        assertThat(fixtures.count("SELECT count(*) FROM placement WHERE status = 'CANCELLED'"
                        + " AND cancellation = 'OFFER_TAKEN' AND referral_id IN (" + ids + ")"))
                .isEqualTo(2 * referralsCount);
    }

    @Test
    void theDatabaseItselfRefusesASecondAcceptanceForAReferral() {
        JsonPath lyon = Fixtures.shelter(Fixtures.LYON, 1);
        Fixtures.shelter(Fixtures.PARIS, 1);
        ReferralSubmitted referral = Fixtures.womanInNice();
        referrals.onSubmitted(referral);
        String id = "'" + referral.referralId() + "'";
        fixtures.count("WITH a AS (UPDATE placement SET status = 'ACCEPTED' WHERE referral_id = " + id
                + " AND shelter_id = '" + Fixtures.id(lyon) + "' RETURNING 1) SELECT count(*) FROM a");
        // Bypassing every check of the service: the partial unique index still says no.
        assertThatThrownBy(() -> fixtures.count("WITH a AS (UPDATE placement SET status = 'ACCEPTED' WHERE"
                        + " referral_id = " + id + " AND status = 'HELD' RETURNING 1) SELECT count(*) FROM a"))
                .hasStackTraceContaining("placement_one_given_per_referral");
    }
}
