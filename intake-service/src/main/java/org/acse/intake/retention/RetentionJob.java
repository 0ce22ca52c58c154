package org.acse.intake.retention;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.acse.common.events.EventType;
import org.acse.common.events.ReferralWithdrawn;
import org.acse.intake.referral.IntakeConfig;
import org.acse.intake.referral.PersonalDataErasure;
import org.acse.intake.referral.Referral;
import org.acse.platform.outbox.Outbox;
import org.jboss.logging.Logger;

/**
 * Retention in intake (product §8, ADR 11). Closes open referrals whose status has not changed for
 * {@code close-inactive-after} (withdrawn by the suite, {@code referral.withdrawn} published so that placement
 * releases any hold). Then, {@code after-closed} after a referral closed, erases its personal data
 * ({@link PersonalDataErasure}). Forgets expired idempotency keys. Safe on several replicas: closing skips the
 * rows another replica holds, and the erasure is one idempotent UPDATE.
 */
@ApplicationScoped
public class RetentionJob {
    private static final Logger LOG = Logger.getLogger(RetentionJob.class);

    @Inject
    EntityManager entityManager;

    @Inject
    IntakeConfig config;

    @Inject
    Outbox outbox;

    @Inject
    PersonalDataErasure erasure;

    @Scheduled(
            identity = "intake-retention",
            every = "${acse.intake.retention.every:1h}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        run(Instant.now());
    }

    /** One run as if it were {@code now}. Returns how many referrals had their personal data erased. */
    @Transactional
    public int run(Instant now) {
        int closed = closeInactive(now);
        int erased = erasure.closedBefore(now.minus(config.retention().afterClosed()), now);
        int keys = entityManager
                .createNativeQuery("DELETE FROM idempotency_key WHERE created_at < :cutoff")
                .setParameter("cutoff", now.minus(config.idempotencyKeyTtl()))
                .executeUpdate();
        if (closed > 0 || erased > 0 || keys > 0) {
            LOG.infof(
                    "retention: %d inactive referrals closed, personal data erased from %d closed referrals,"
                            + " %d idempotency keys forgotten",
                    closed, erased, keys);
        }
        return erased;
    }

    /** Withdraws the open referrals whose latest change of status is older than the inactivity delay. */
    private int closeInactive(Instant now) {
        @SuppressWarnings("unchecked")
        List<UUID> stale = entityManager
                .createNativeQuery("""
                SELECT r.id FROM referral r
                 WHERE r.closed_at IS NULL AND r.status NOT IN ('ARRIVED', 'WITHDRAWN')
                   AND COALESCE((SELECT max(c.at) FROM referral_status_change c WHERE c.referral_id = r.id),
                                r.submitted_at) < :cutoff
                 ORDER BY r.submitted_at, r.id
                 LIMIT :batch
                   FOR UPDATE OF r SKIP LOCKED""", UUID.class)
                .setParameter("cutoff", now.minus(config.retention().closeInactiveAfter()))
                .setParameter("batch", config.retention().batchSize())
                .getResultList();
        for (UUID id : stale) {
            Referral referral = Referral.findById(id);
            referral.closeAsInactive(now);
            outbox.publish(EventType.REFERRAL_WITHDRAWN, new ReferralWithdrawn(id, now));
        }
        return stale.size();
    }
}
