package org.acse.notification.retention;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Retention in notification (product §8, ADR 11): {@code acse.notification.retention.after-closed} after a referral
 * closed, everything this service holds about it goes — its alerts (household, needs, languages, shelter), their
 * deliveries (e-mail bodies and webhook payloads), the status updates sent to its organisation and the origin row.
 * Alerts and deliveries are operational: the figures are kept by intake and placement. A referral erased on request
 * ({@code referral.erased}, ADR 17) is forgotten the same way at once. Safe on several replicas:
 * idempotent DELETEs in one transaction.
 */
@ApplicationScoped
public class RetentionJob {
    private static final Logger LOG = Logger.getLogger(RetentionJob.class);

    private static final String CLOSED = "SELECT referral_id FROM referral_origin"
            + " WHERE status IN ('ARRIVED', 'WITHDRAWN') AND updated_at < :cutoff";

    private static final String ONE = "SELECT CAST(:referralId AS uuid)";

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
        return forget(CLOSED, Map.of("cutoff", now.minus(config.afterClosed())));
    }

    /** Erasure on request: this referral, closed or not, now. Replaying it changes nothing. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void erase(UUID referralId) {
        forget(ONE, Map.of("referralId", referralId));
    }

    /** Forgets the referrals of this native subquery on their id: the only code that does. */
    private int forget(String referralIds, Map<String, Object> parameters) {
        int deliveries = execute(
                "DELETE FROM delivery WHERE referral_id IN (" + referralIds + ")"
                        + " OR alert_id IN (SELECT id FROM alert WHERE referral_id IN (" + referralIds + "))",
                parameters);
        execute(
                "UPDATE alert SET related_referral_id = NULL WHERE related_referral_id IN (" + referralIds + ")",
                parameters);
        int alerts = execute("DELETE FROM alert WHERE referral_id IN (" + referralIds + ")", parameters);
        int referrals = execute("DELETE FROM referral_origin WHERE referral_id IN (" + referralIds + ")", parameters);
        if (referrals > 0 || alerts > 0 || deliveries > 0) {
            LOG.infof(
                    "retention: %d closed referrals forgotten, with %d alerts and %d deliveries",
                    referrals, alerts, deliveries);
        }
        return referrals;
    }

    private int execute(String sql, Map<String, Object> parameters) {
        Query query = entityManager.createNativeQuery(sql);
        parameters.forEach(query::setParameter);
        return query.executeUpdate();
    }
}
