package org.acse.placement.placement;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Takes a place for a referral, atomically, whatever the number of concurrent searches and replicas:
 * <ol>
 * <li>the unit row is locked {@code FOR UPDATE SKIP LOCKED} (a unit another transaction is taking is skipped, not
 * waited for) and its availability re-checked in the database, since the in-memory snapshot may lag;</li>
 * <li>a fresh statement checks that no live placement holds it (read committed: it sees holds committed while we
 * waited for the lock);</li>
 * <li>the insert itself is guarded by the partial unique indexes {@code placement_one_live_per_unit} and
 * {@code placement_one_live_per_referral} ({@code ON CONFLICT DO NOTHING}): even a bug above cannot make two holds.</li>
 * </ol>
 */
@ApplicationScoped
public class Holds {
    private static final String LIVE = "('HELD', 'ACCEPTED')";

    @Inject
    EntityManager em;

    /** The held placement, or empty when the unit is no longer available. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<Placement> tryHold(UUID referralId, UUID unitId, int householdSize, Instant now,
            Instant deadline, Instant holdExpiresAt, boolean manual) {
        em.flush();
        List<?> locked = em.createNativeQuery("""
                SELECT u.shelter_id FROM unit u JOIN shelter s ON s.id = u.shelter_id
                 WHERE u.id = :unit AND s.active AND NOT u.retired AND u.capacity >= :size
                   AND ((u.status = 'FREE' AND coalesce(u.available_from, :now) <= :deadline)
                     OR (u.status = 'OCCUPIED' AND u.available_from <= :deadline))
                 FOR UPDATE OF u SKIP LOCKED""")
                .setParameter("unit", unitId).setParameter("size", householdSize)
                .setParameter("now", now).setParameter("deadline", deadline).getResultList();
        if (locked.isEmpty()) {
            return Optional.empty();
        }
        UUID shelterId = (UUID) locked.get(0);
        Number live = (Number) em.createNativeQuery(
                "SELECT count(*) FROM placement WHERE unit_id = :unit AND status IN " + LIVE)
                .setParameter("unit", unitId).getSingleResult();
        if (live.longValue() > 0) {
            return Optional.empty();
        }
        UUID id = UUID.randomUUID();
        int inserted = em.createNativeQuery("""
                INSERT INTO placement (id, referral_id, shelter_id, unit_id, status, manual, hold_expires_at, created_at)
                VALUES (:id, :referral, :shelter, :unit, 'HELD', :manual, :expires, :now)
                ON CONFLICT DO NOTHING""")
                .setParameter("id", id).setParameter("referral", referralId).setParameter("shelter", shelterId)
                .setParameter("unit", unitId).setParameter("manual", manual).setParameter("expires", holdExpiresAt)
                .setParameter("now", now).executeUpdate();
        if (inserted != 1) {
            return Optional.empty();
        }
        return Optional.of(em.find(Placement.class, id));
    }

    /** Units held or given right now: matching skips them. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Set<UUID> busyUnits() {
        @SuppressWarnings("unchecked")
        List<UUID> ids = em.createNativeQuery("SELECT unit_id FROM placement WHERE status IN " + LIVE)
                .getResultList();
        return new HashSet<>(ids);
    }

    /** Shelters that declined this referral or let its hold expire: never proposed again. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Set<UUID> refusedShelters(UUID referralId) {
        @SuppressWarnings("unchecked")
        List<UUID> ids = em.createNativeQuery("SELECT DISTINCT shelter_id FROM placement WHERE referral_id = :r"
                + " AND status IN ('DECLINED', 'EXPIRED')").setParameter("r", referralId).getResultList();
        return new HashSet<>(ids);
    }
}
