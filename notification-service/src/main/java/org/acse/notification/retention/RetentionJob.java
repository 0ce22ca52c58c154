package org.acse.notification.retention;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;
import org.jboss.logging.Logger;

/**
 * Retention in notification (product §8, ADR 11): {@code acse.notification.retention.after-closed} after a referral
 * closed, everything this service holds about it goes — its alerts (household, needs, languages, shelter), their
 * deliveries (e-mail bodies and webhook payloads), the status updates sent to its organisation and the origin row.
 * Alerts and deliveries are operational: the figures are kept by intake and placement. Safe on several replicas:
 * idempotent DELETEs in one transaction.
 */
@ApplicationScoped
public class RetentionJob {
    private static final Logger LOG = Logger.getLogger(RetentionJob.class);

    private static final String CLOSED = "SELECT referral_id FROM referral_origin"
            + " WHERE status IN ('ARRIVED', 'WITHDRAWN') AND updated_at < :cutoff";

    @Inject
    EntityManager entityManager;

    @Inject
    RetentionConfig config;

    @Scheduled(
            identity = "notification-retention",
            every = "${acse.notification.retention.every:1h}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        run(Instant.now());
    }

    /** One run as if it were {@code now}. Returns how many referrals were forgotten. */
    @Transactional
    public int run(Instant now) {
        Instant cutoff = now.minus(config.afterClosed());
        int deliveries = entityManager
                .createNativeQuery("DELETE FROM delivery WHERE referral_id IN (" + CLOSED + ")"
                        + " OR alert_id IN (SELECT id FROM alert WHERE referral_id IN (" + CLOSED + "))")
                .setParameter("cutoff", cutoff)
                .executeUpdate();
        entityManager
                .createNativeQuery("UPDATE alert SET related_referral_id = NULL" + " WHERE related_referral_id IN ("
                        + CLOSED + ")")
                .setParameter("cutoff", cutoff)
                .executeUpdate();
        int alerts = entityManager
                .createNativeQuery("DELETE FROM alert WHERE referral_id IN (" + CLOSED + ")")
                .setParameter("cutoff", cutoff)
                .executeUpdate();
        int referrals = entityManager
                .createNativeQuery("DELETE FROM referral_origin WHERE referral_id IN (" + CLOSED + ")")
                .setParameter("cutoff", cutoff)
                .executeUpdate();
        if (referrals > 0 || alerts > 0 || deliveries > 0) {
            LOG.infof(
                    "retention: %d closed referrals forgotten, with %d alerts and %d deliveries",
                    referrals, alerts, deliveries);
        }
        return referrals;
    }
}
