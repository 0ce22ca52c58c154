package org.acse.placement.placement;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.UUID;
import org.jboss.logging.Logger;

/** Turns overdue holds into EXPIRED and proposes the referral's next candidate, one hold per transaction. */
@ApplicationScoped
public class HoldExpiry {
    private static final Logger LOG = Logger.getLogger(HoldExpiry.class);
    private static final int BATCH = 200;

    @Inject
    EntityManager em;

    @Inject
    PlacementService placements;

    @Scheduled(every = "${acse.matching.expiry-interval}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void expireOverdue() {
        List<UUID> overdue = QuarkusTransaction.requiringNew().call(() -> {
            @SuppressWarnings("unchecked")
            List<UUID> ids = em.createNativeQuery("""
                    SELECT id FROM placement WHERE status = 'HELD' AND hold_expires_at <= now()
                     ORDER BY hold_expires_at LIMIT :batch""").setParameter("batch", BATCH).getResultList();
            return ids;
        });
        for (UUID id : overdue) {
            try {
                QuarkusTransaction.requiringNew().run(() -> placements.expire(id));
            } catch (RuntimeException e) {
                LOG.warnf("expiry of placement %s failed: %s", id, e.getClass().getSimpleName());
            }
        }
    }
}
