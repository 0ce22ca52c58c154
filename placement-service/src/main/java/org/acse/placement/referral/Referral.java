package org.acse.placement.referral;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.LockModeType;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.acse.common.events.DangerZone;
import org.acse.common.events.Household;
import org.acse.common.events.Needs;
import org.acse.common.events.Urgency;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A referral's matching inputs, from its submitted event. No identity: the events carry none. */
@Entity
@Table(name = "referral")
public class Referral extends PanacheEntityBase {
    @Id
    public UUID id;

    @Column(nullable = false)
    public String pseudonym;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public ReferralStatus status;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Urgency urgency;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    public Household household;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    public Needs needs;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    public List<String> languages;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "danger_zones", nullable = false)
    public List<DangerZone> dangerZones;

    @Column(name = "current_commune_code", nullable = false)
    public String currentCommuneCode;

    @Column(name = "min_distance_km", nullable = false)
    public int minDistanceKm;

    /** The scheme of places the partner asked for (a code; a soft preference of the ranking), or null. */
    @Column(name = "preferred_scheme")
    public String preferredScheme;

    @Column(name = "submitted_at", nullable = false)
    public Instant submittedAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    /** The referring organisation: it alone (and coordinators) may read the meeting point. */
    @Column(name = "organisation_id")
    public String organisationId;

    /** An open referral that seems to be for the same person: a coordinator decides before a bed is held. */
    @Column(name = "possible_duplicate_of")
    public UUID possibleDuplicateOf;

    public static Referral lock(UUID id) {
        return findById(id, LockModeType.PESSIMISTIC_WRITE);
    }

    public void moveTo(ReferralStatus next, Instant now) {
        status = next;
        updatedAt = now;
    }
}
