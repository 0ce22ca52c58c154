package org.acse.placement.placement;

import org.acse.common.events.DeclineReason;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A place held for, given to, or once proposed to a referral. Inserted by {@link Holds} only. */
@Entity
@Table(name = "placement")
public class Placement extends PanacheEntityBase {
    @Id
    public UUID id;

    @Column(name = "referral_id", nullable = false)
    public UUID referralId;

    @Column(name = "shelter_id", nullable = false)
    public UUID shelterId;

    @Column(name = "unit_id", nullable = false)
    public UUID unitId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public PlacementStatus status;

    @Column(nullable = false)
    public boolean manual;

    @Column(name = "hold_expires_at", nullable = false)
    public Instant holdExpiresAt;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "decided_at")
    public Instant decidedAt;

    @Enumerated(EnumType.STRING)
    @Column(name = "decline_reason")
    public DeclineReason declineReason;

    /** The shelter's free text: never in an event, a log, or any response. */
    @Column(name = "decline_comment")
    public String declineComment;
}
