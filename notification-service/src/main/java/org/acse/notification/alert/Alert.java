package org.acse.notification.alert;

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
import org.acse.common.events.Household;
import org.acse.common.events.Needs;
import org.acse.common.events.Urgency;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** What the receiving team (or coordinators) must know to decide. Never an identity. */
@Entity
@Table(name = "alert")
public class Alert extends PanacheEntityBase {
    @Id
    public UUID id;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public AlertKind kind;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public AlertStatus status;

    @Column(name = "referral_id", nullable = false)
    public UUID referralId;

    @Column(name = "placement_id")
    public UUID placementId;

    @Column(name = "shelter_id")
    public UUID shelterId;

    /** For a possible duplicate: the open referral that seems to be for the same person. */
    @Column(name = "related_referral_id")
    public UUID relatedReferralId;

    @Column(nullable = false)
    public String pseudonym;

    @JdbcTypeCode(SqlTypes.JSON)
    public Household household;

    @JdbcTypeCode(SqlTypes.JSON)
    public Needs needs;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    public List<String> languages = List.of();

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Urgency urgency;

    @Column(name = "arrival_from")
    public Instant arrivalFrom;

    @Column(name = "arrival_until")
    public Instant arrivalUntil;

    @Column(name = "hold_expires_at")
    public Instant holdExpiresAt;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @Column(name = "ack_due_at")
    public Instant ackDueAt;

    @Column(name = "acknowledged_at")
    public Instant acknowledgedAt;

    @Column(name = "acknowledged_by")
    public String acknowledgedBy;

    @Column(name = "escalated_at")
    public Instant escalatedAt;
}
