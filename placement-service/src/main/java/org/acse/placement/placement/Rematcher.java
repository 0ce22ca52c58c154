package org.acse.placement.placement;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import org.acse.placement.matching.MatchingConfig;
import org.jboss.logging.Logger;

/**
 * Re-matches waiting referrals (NO_MATCH), most urgent first, then oldest, whenever a place was published or freed
 * here; and every {@code rematch-safety-interval} anyway, for places freed through another replica.
 */
@ApplicationScoped
public class Rematcher {
    private static final Logger LOG = Logger.getLogger(Rematcher.class);
    private static final int BATCH = 500;

    @Inject
    TransactionSynchronizationRegistry transactions;

    @Inject
    EntityManager em;

    @Inject
    PlacementService placements;

    @Inject
    MatchingConfig config;

    private final AtomicBoolean requested = new AtomicBoolean();
    private volatile long lastPass = System.nanoTime();

    /** A place may be free now (call after the commit that freed it). */
    public void request() {
        requested.set(true);
    }

    /** From inside a transaction: the request counts only if it commits. */
    public void requestAfterCommit() {
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
            }

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED) {
                    request();
                }
            }
        });
    }

    @Scheduled(every = "${acse.matching.rematch-interval}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void tick() {
        boolean due = System.nanoTime() - lastPass > config.rematchSafetyInterval().toNanos();
        if (requested.getAndSet(false) || due) {
            lastPass = System.nanoTime();
            rematchWaiting();
        }
    }

    /** One pass over the waiting referrals, each in its own transaction. */
    public void rematchWaiting() {
        List<UUID> waiting = QuarkusTransaction.requiringNew().call(() -> {
            @SuppressWarnings("unchecked")
            List<UUID> ids = em.createNativeQuery("""
                    SELECT id FROM referral WHERE status = 'NO_MATCH'
                     ORDER BY CASE urgency WHEN 'IMMEDIATE' THEN 0 WHEN 'WITHIN_72H' THEN 1 ELSE 2 END, submitted_at, id
                     LIMIT :batch""").setParameter("batch", BATCH).getResultList();
            return ids;
        });
        for (UUID id : waiting) {
            try {
                QuarkusTransaction.requiringNew().run(() -> placements.rematch(id));
            } catch (RuntimeException e) {
                LOG.warnf("re-match of referral %s failed: %s", id, e.getClass().getSimpleName());
            }
        }
    }
}
