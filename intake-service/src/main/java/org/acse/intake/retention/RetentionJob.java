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
import org.acse.intake.referral.Referral;
import org.acse.platform.outbox.Outbox;
import org.jboss.logging.Logger;

/**
 * Retention in intake (product §8, ADR 11). Closes open referrals whose status has not changed for
 * {@code close-inactive-after} (withdrawn by the suite, {@code referral.withdrawn} published so that placement
 * releases any hold). Then, {@code after-closed} after a referral closed, erases its personal data and keeps only what
 * the figures need: organisation, pseudonym, status and timeline, urgency, dates, the department of the current
 * location and the household's size. Forgets expired idempotency keys. Safe on several replicas: closing skips the
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
        // INSEE codes: a commune's department is its first two characters, three overseas (97x).
        int erased = entityManager
                .createNativeQuery("""
                UPDATE referral SET identity_ciphertext = NULL, identity_key_id = NULL,
                       notes_ciphertext = NULL, notes_key_id = NULL,
                       withdrawal_reason_ciphertext = NULL, withdrawal_reason_key_id = NULL,
                       duplicate_fingerprint = NULL, possible_duplicate_of = NULL,
                       household_size = 1 + jsonb_array_length(COALESCE(household -> 'childrenAges', '[]')),
                       household = NULL, needs = NULL, languages = '[]', exploitation = '[]', danger_zones = '[]',
                       department_code = left(current_commune_code,
                                              CASE WHEN current_commune_code LIKE '97%' THEN 3 ELSE 2 END),
                       current_commune_code = NULL,
                       open_placement_ids = '{}', accepted_placement_id = NULL, accepted_shelter_id = NULL,
                       personal_data_erased_at = :now
                 WHERE closed_at IS NOT NULL AND closed_at <= :cutoff AND personal_data_erased_at IS NULL""")
                .setParameter("now", now)
                .setParameter("cutoff", now.minus(config.retention().afterClosed()))
                .executeUpdate();
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
