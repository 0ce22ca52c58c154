package org.acse.placement.decision;

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
import org.acse.placement.shelter.ShelterDirectory;

/**
 * Takes a place for a referral, atomically, whatever the number of concurrent searches and replicas:
 * <ol>
 * <li>the unit row is locked {@code FOR UPDATE SKIP LOCKED} (a unit another transaction is taking is skipped, not
 * waited for), its availability re-checked in the database, since the in-memory snapshot may lag, and, in the same
 * statement, whether a live placement holds it;</li>
 * <li>the insert itself is guarded by the partial unique indexes {@code placement_one_live_per_unit} and
 * {@code placement_one_live_per_referral} ({@code ON CONFLICT DO NOTHING}): a hold committed between that
 * statement's snapshot and its lock, or even a bug above, cannot make two holds.</li>
 * </ol>
 * Two statements for a successful hold; the placement is not read back.
 */
@ApplicationScoped
public class Holds {
    private static final String LIVE = "('HELD', 'ACCEPTED')";

    @Inject
    EntityManager em;

    @Inject
    ShelterDirectory directory;

    /** The held placement (as inserted, not managed), or empty when the unit is no longer available. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<Placement> tryHold(
            UUID referralId,
            UUID unitId,
            int householdSize,
            Instant now,
            Instant deadline,
            Instant holdExpiresAt,
            boolean manual) {
        em.flush();
        List<?> locked = em.createNativeQuery("""
                SELECT u.shelter_id,
                       EXISTS (SELECT 1 FROM placement p WHERE p.unit_id = u.id AND p.status IN ('HELD', 'ACCEPTED'))
                  FROM unit u JOIN shelter s ON s.id = u.shelter_id
                 WHERE u.id = :unit AND s.active AND NOT u.retired AND u.capacity >= :size
                   AND ((u.status = 'FREE' AND coalesce(u.available_from, :now) <= :deadline)
                     OR (u.status = 'OCCUPIED' AND u.available_from <= :deadline))
                 FOR UPDATE OF u SKIP LOCKED""")
                .setParameter("unit", unitId)
                .setParameter("size", householdSize)
                .setParameter("now", now)
                .setParameter("deadline", deadline)
                .getResultList();
        if (locked.isEmpty()) {
            return Optional.empty();
        }
        Object[] row = (Object[]) locked.get(0);
        if (Boolean.TRUE.equals(row[1])) {
            // Held through another replica, or before the snapshot heard of it: later searches skip it.
            directory.observedBusy(unitId);
            return Optional.empty();
        }
        Placement p = new Placement();
        p.id = UUID.randomUUID();
        p.referralId = referralId;
        p.shelterId = (UUID) row[0];
        p.unitId = unitId;
        p.status = PlacementStatus.HELD;
        p.manual = manual;
        p.holdExpiresAt = holdExpiresAt;
        p.createdAt = now;
        int inserted = em.createNativeQuery("""
                INSERT INTO placement (id, referral_id, shelter_id, unit_id, status, manual, hold_expires_at, created_at,
                                       outcome_id)
                VALUES (:id, :referral, :shelter, :unit, 'HELD', :manual, :expires, :now,
                        (SELECT o.id FROM outcome o WHERE o.referral_id = :referral))
                ON CONFLICT DO NOTHING""")
                .setParameter("id", p.id)
                .setParameter("referral", referralId)
                .setParameter("shelter", p.shelterId)
                .setParameter("unit", unitId)
                .setParameter("manual", manual)
                .setParameter("expires", holdExpiresAt)
                .setParameter("now", now)
                .executeUpdate();
        if (inserted != 1) {
            return Optional.empty();
        }
        directory.heldAfterCommit(unitId);
        return Optional.of(p);
    }

    /** Units held or given right now, from the database (exact, for explanations and manual placements). */
    @Transactional(Transactional.TxType.MANDATORY)
    public Set<UUID> busyUnits() {
        @SuppressWarnings("unchecked")
        List<UUID> ids = em.createNativeQuery("SELECT unit_id FROM placement WHERE status IN " + LIVE)
                .getResultList();
        return new HashSet<>(ids);
    }

    /** Shelters that declined this referral, let its hold expire or backed out: never proposed again. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Set<UUID> refusedShelters(UUID referralId) {
        @SuppressWarnings("unchecked")
        List<UUID> ids = em.createNativeQuery(
                        "SELECT DISTINCT shelter_id FROM placement WHERE referral_id = :r"
                                + " AND (status IN ('DECLINED', 'EXPIRED') OR (status = 'CANCELLED' AND cancellation = 'BACKED_OUT'))")
                .setParameter("r", referralId)
                .getResultList();
        return new HashSet<>(ids);
    }
}
