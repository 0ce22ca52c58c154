package org.acse.placement.retention;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.acse.placement.decision.Arrangements;
import org.acse.placement.decision.DecisionConfig;
import org.acse.placement.figures.Outcomes;
import org.jboss.logging.Logger;

/**
 * Retention in placement (product §8, ADR 11): {@code acse.decision.retention.after-closed} after a referral closed
 * (arrived or withdrawn), its meeting point and comments are erased, its placements lose their link to it, and its
 * copy here (profile, household, needs, danger zones, current commune) is deleted. The placements keep shelter, unit,
 * status, decline reason, cancellation and dates: what the figures of shelters need, about nobody. A referral erased
 * on request ({@code referral.erased}, ADR 17) is forgotten the same way at once. Safe on several replicas:
 * idempotent statements in one transaction.
 */
@ApplicationScoped
public class RetentionJob {
    private static final Logger LOG = Logger.getLogger(RetentionJob.class);

    private static final String CLOSED =
            "SELECT id FROM referral WHERE status IN ('ARRIVED', 'WITHDRAWN')" + " AND updated_at < :cutoff";

    private static final String ONE = "SELECT CAST(:referralId AS uuid)";

    @Inject
    EntityManager entityManager;

    @Inject
    Arrangements arrangements;

    @Inject
    DecisionConfig config;

    @Inject
    Outcomes outcomes;

    @Scheduled(
            identity = "placement-retention",
            every = "${acse.decision.retention.every}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        run(Instant.now());
    }

    /** One run as if it were {@code now}. Returns how many referrals were forgotten. */
    @Transactional
    public int run(Instant now) {
        Instant cutoff = now.minus(config.retention().afterClosed());
        arrangements.eraseClosedBefore(cutoff);
        return forget(CLOSED, Map.of("cutoff", cutoff));
    }

    /** Erasure on request: this referral, closed or not, now. Replaying it changes nothing. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void erase(UUID referralId) {
        forget(ONE, Map.of("referralId", referralId));
    }

    /** Forgets the referrals of this native subquery on their id: the only code that does. */
    private int forget(String referralIds, Map<String, Object> parameters) {
        int unlinked = execute(
                "UPDATE placement SET referral_id = NULL,"
                        + " meeting_point_ciphertext = NULL, meeting_point_key_id = NULL, comment_ciphertext = NULL,"
                        + " comment_key_id = NULL WHERE referral_id IN (" + referralIds + ")",
                parameters);
        outcomes.unlink(referralIds, parameters);
        int forgotten = execute(
                "DELETE FROM referral WHERE id IN (" + referralIds + ")"
                        + " AND NOT EXISTS (SELECT 1 FROM placement p WHERE p.referral_id = referral.id)",
                parameters);
        if (unlinked > 0 || forgotten > 0) {
            LOG.infof(
                    "retention: %d closed referrals forgotten, %d placements unlinked from them", forgotten, unlinked);
        }
        return forgotten;
    }

    private int execute(String sql, Map<String, Object> parameters) {
        Query query = entityManager.createNativeQuery(sql);
        parameters.forEach(query::setParameter);
        return query.executeUpdate();
    }
}
