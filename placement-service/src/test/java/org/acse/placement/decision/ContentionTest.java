package org.acse.placement.decision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.acse.common.events.ReferralSubmitted;
import org.acse.placement.Fixtures;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * 50 referrals at once for 10 places: each search runs in its own thread and transaction, as on many replicas,
 * and each starts from the same snapshot in which all 10 places look free. Exactly 10 holds, on 10 distinct units.
 */
@QuarkusTest
class ContentionTest {
    @Inject
    ReferralReactions placements;

    @Inject
    Fixtures fixtures;

    @BeforeEach
    void cleanNetwork() {
        fixtures.reset();
    }

    @Test
    void fiftyReferralsAtTenPlacesMakeExactlyTenHolds() throws Exception {
        Fixtures.shelter(Fixtures.LYON, 1, 1, 1, 1, 1);
        Fixtures.shelter(Fixtures.PARIS, 1, 1, 1, 1, 1);
        long before = fixtures.count("SELECT count(*) FROM placement");
        List<ReferralSubmitted> referrals = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            referrals.add(Fixtures.womanInNice());
        }
        ExecutorService pool = Executors.newFixedThreadPool(50);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (ReferralSubmitted r : referrals) {
                done.add(pool.submit(() -> {
                    start.await();
                    placements.onSubmitted(r);
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

        assertThat(fixtures.count("SELECT count(*) FROM placement") - before).isEqualTo(10);
        assertThat(fixtures.count("SELECT count(*) FROM placement WHERE status = 'HELD'"))
                .isEqualTo(10);
        assertThat(fixtures.count("SELECT count(DISTINCT unit_id) FROM placement WHERE status = 'HELD'"))
                .isEqualTo(10);
        String ids = referrals.stream()
                .map(r -> "'" + r.referralId() + "'")
                .reduce((a, b) -> a + "," + b)
                .orElseThrow();
        assertThat(fixtures.count("SELECT count(*) FROM referral WHERE status = 'PROPOSED' AND id IN (" + ids + ")"))
                .isEqualTo(10);
        assertThat(fixtures.count("SELECT count(*) FROM referral WHERE status = 'NO_MATCH' AND id IN (" + ids + ")"))
                .isEqualTo(40);
        assertThat(fixtures.count("SELECT count(*) FROM outbox_message WHERE event_type = "
                        + "'org.acse.placement.proposed.v1' AND message_key IN (" + ids + ")"))
                .isEqualTo(10);
    }

    @Test
    void theDatabaseItselfRefusesASecondLiveHoldOnAUnit() {
        Fixtures.shelter(Fixtures.LYON, 1);
        placements.onSubmitted(Fixtures.womanInNice());
        assertThat(fixtures.count("SELECT count(*) FROM placement WHERE status = 'HELD'"))
                .isEqualTo(1);
        // Bypassing every check of the service: the partial unique index still says no.
        assertThatThrownBy(() -> fixtures.count("""
                WITH r AS (INSERT INTO referral (id, pseudonym, status, urgency, household, needs, languages,
                           danger_zones, current_commune_code, min_distance_km, submitted_at, updated_at)
                           SELECT gen_random_uuid(), 'R-X', 'SEARCHING', urgency, household, needs, languages,
                                  danger_zones, current_commune_code, min_distance_km, now(), now()
                             FROM referral LIMIT 1 RETURNING id),
                     i AS (INSERT INTO placement (id, referral_id, shelter_id, unit_id, status, hold_expires_at,
                           created_at)
                           SELECT gen_random_uuid(), r.id, p.shelter_id, p.unit_id, 'HELD', now(), now()
                             FROM r, placement p WHERE p.status = 'HELD' LIMIT 1 RETURNING 1)
                SELECT count(*) FROM i""")).hasStackTraceContaining("placement_one_live_per_unit");
    }
}
