package org.acse.placement.decision;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;
import org.jboss.logging.Logger;

/**
 * The clock's decisions: overdue holds expire (the next candidate is proposed) and accepted placements whose arrival
 * window passed become no-shows. One placement per transaction, so one failure holds back nothing else; each
 * decision re-checks under the referral's lock, so replicas may both look.
 */
@ApplicationScoped
public class Deadlines {
    private static final Logger LOG = Logger.getLogger(Deadlines.class);
    private static final int BATCH = 200;

    @Inject
    EntityManager em;

    @Inject
    Decisions decisions;

    @Scheduled(every = "${acse.matching.expiry-interval}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void expireOverdueHolds() {
        each("expiry", """
                SELECT id FROM placement WHERE status = 'HELD' AND hold_expires_at <= now()
                 ORDER BY hold_expires_at LIMIT :batch""", decisions::expire);
    }

    @Scheduled(
            every = "${acse.decision.arrival-check-interval}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void markNoShows() {
        each("no-show", """
                SELECT id FROM placement WHERE status = 'ACCEPTED' AND arrival_until <= now()
                 ORDER BY arrival_until LIMIT :batch""", decisions::noShow);
    }

    private void each(String what, String dueQuery, Consumer<UUID> decision) {
        List<UUID> due = QuarkusTransaction.requiringNew().call(() -> {
            @SuppressWarnings("unchecked")
            List<UUID> ids =
                    em.createNativeQuery(dueQuery).setParameter("batch", BATCH).getResultList();
            return ids;
        });
        for (UUID id : due) {
            try {
                QuarkusTransaction.requiringNew().run(() -> decision.accept(id));
            } catch (RuntimeException e) {
                LOG.warnf(
                        "%s of placement %s failed: %s", what, id, e.getClass().getSimpleName());
            }
        }
    }
}
