package org.acse.placement.decision;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import org.acse.placement.matching.MatchingConfig;
import org.acse.placement.shelter.PlacesChanged;
import org.acse.platform.tx.AfterCommit;
import org.eclipse.microprofile.context.ManagedExecutor;
import org.jboss.logging.Logger;

/**
 * Re-matches waiting referrals (NO_MATCH), most urgent first, then oldest, right after a place was published or
 * freed here; and every {@code rematch-safety-interval} anyway, for places freed through another replica.
 */
@ApplicationScoped
public class Rematcher {
    private static final Logger LOG = Logger.getLogger(Rematcher.class);
    private static final int BATCH = 500;

    @Inject
    AfterCommit afterCommit;

    @Inject
    EntityManager em;

    @Inject
    ReferralReactions referrals;

    @Inject
    MatchingConfig config;

    @Inject
    ManagedExecutor executor;

    private final AtomicBoolean requested = new AtomicBoolean();
    private final AtomicBoolean running = new AtomicBoolean();
    private volatile long lastPass = System.nanoTime();

    /** A place may be free now (call after the commit that freed it): a pass starts at once, in the background. */
    public void request() {
        requested.set(true);
        if (running.compareAndSet(false, true)) {
            executor.runAsync(this::drain);
        }
    }

    /** Passes until no request came in during the last one; requests arriving meanwhile are coalesced. */
    private void drain() {
        try {
            while (requested.getAndSet(false)) {
                lastPass = System.nanoTime();
                rematchWaiting();
            }
        } catch (RuntimeException e) {
            LOG.warnf("re-match pass failed: %s", e.getClass().getSimpleName());
        } finally {
            running.set(false);
        }
        if (requested.get() && running.compareAndSet(false, true)) {
            executor.runAsync(this::drain);
        }
    }

    /** A shelter published or changed places (after its commit). */
    void onPlacesChanged(@Observes PlacesChanged change) {
        request();
    }

    /** From inside a transaction: the request counts only if it commits. */
    public void requestAfterCommit() {
        afterCommit.run(this::request);
    }

    /** The safety net: places freed through another replica, or a request lost to a crash. */
    @Scheduled(every = "${acse.matching.rematch-interval}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void tick() {
        if (System.nanoTime() - lastPass > config.rematchSafetyInterval().toNanos()) {
            request();
        }
    }

    /** One pass over the waiting referrals, each in its own transaction. */
    public void rematchWaiting() {
        List<UUID> waiting = QuarkusTransaction.requiringNew().call(() -> {
            @SuppressWarnings("unchecked")
            List<UUID> ids =
                    em.createNativeQuery("""
                    SELECT id FROM referral WHERE status = 'NO_MATCH'
                     ORDER BY CASE urgency WHEN 'IMMEDIATE' THEN 0 WHEN 'WITHIN_72H' THEN 1 ELSE 2 END, submitted_at, id
                     LIMIT :batch""").setParameter("batch", BATCH).getResultList();
            return ids;
        });
        for (UUID id : waiting) {
            try {
                QuarkusTransaction.requiringNew().run(() -> referrals.rematchWaiting(id));
            } catch (RuntimeException e) {
                LOG.warnf("re-match of referral %s failed: %s", id, e.getClass().getSimpleName());
            }
        }
    }
}
