package org.acse.placement.shelter;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.acse.placement.matching.UnitStatus;

/** A unit (room, flat) of a shelter: one household at a time, up to its capacity. */
@Entity
@Table(name = "unit")
public class Unit extends PanacheEntityBase {
    @Id
    public UUID id;

    @Column(name = "shelter_id", nullable = false)
    public UUID shelterId;

    @Column(nullable = false)
    public int position;

    @Column(nullable = false)
    public int capacity;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public UnitStatus status;

    @Column(name = "available_from")
    public Instant availableFrom;

    @Column(name = "last_confirmed_at", nullable = false)
    public Instant lastConfirmedAt;

    /** Removed from the shelter by an update; kept for the history of its placements. */
    @Column(nullable = false)
    public boolean retired;

    public static List<Unit> ofShelter(UUID shelterId) {
        return list("shelterId = ?1 and retired = false order by position", shelterId);
    }
}
