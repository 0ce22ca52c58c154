package org.acse.intake.retention;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;
import org.acse.intake.referral.IntakeConfig;
import org.jboss.logging.Logger;

/**
 * Erases personal data (identity, notes, withdrawal reason, duplicate fingerprint) a configurable time after a
 * referral is closed (product §8), and forgets expired idempotency keys. What remains is pseudonymous: status,
 * timeline, household composition. Safe on several replicas: each run is one idempotent UPDATE.
 */
@ApplicationScoped
public class RetentionJob {
    private static final Logger LOG = Logger.getLogger(RetentionJob.class);

    @Inject
    EntityManager entityManager;

    @Inject
    IntakeConfig config;

    @Scheduled(identity = "intake-retention", every = "${acse.intake.retention.every:1h}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        run(Instant.now());
    }

    /** One run as if it were {@code now}. Returns how many referrals had their personal data erased. */
    @Transactional
    public int run(Instant now) {
        int erased = entityManager.createNativeQuery("UPDATE referral SET identity_ciphertext = NULL,"
                + " identity_key_id = NULL, notes_ciphertext = NULL, notes_key_id = NULL,"
                + " withdrawal_reason_ciphertext = NULL, withdrawal_reason_key_id = NULL,"
                + " duplicate_fingerprint = NULL, personal_data_erased_at = :now"
                + " WHERE closed_at IS NOT NULL AND closed_at <= :cutoff AND personal_data_erased_at IS NULL")
                .setParameter("now", now).setParameter("cutoff", now.minus(config.retention().afterClosed()))
                .executeUpdate();
        int keys = entityManager.createNativeQuery("DELETE FROM idempotency_key WHERE created_at < :cutoff")
                .setParameter("cutoff", now.minus(config.idempotencyKeyTtl())).executeUpdate();
        if (erased > 0 || keys > 0) {
            LOG.infof("retention: personal data erased from %d closed referrals, %d idempotency keys forgotten",
                    erased, keys);
        }
        return erased;
    }
}
