package org.acse.intake.referral;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.acse.common.events.DangerZone;
import org.acse.common.events.EventType;
import org.acse.common.events.Household;
import org.acse.common.events.Needs;
import org.acse.common.events.Urgency;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

@Entity
@Table(name = "referral")
public class Referral extends PanacheEntityBase {
    @Id
    public UUID id;

    @Column(name = "organisation_id", nullable = false)
    public String organisationId;

    @Column(nullable = false)
    public String pseudonym;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public ReferralStatus status;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Urgency urgency;

    /** Null once the personal data is erased; {@link #householdSize} stays. */
    @JdbcTypeCode(SqlTypes.JSON)
    public Household household;

    @JdbcTypeCode(SqlTypes.JSON)
    public Needs needs;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    public List<String> languages;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "danger_zones", nullable = false)
    public List<DangerZone> dangerZones;

    @Column(name = "current_commune_code")
    public String currentCommuneCode;

    @Column(name = "min_distance_km", nullable = false)
    public int minDistanceKm;

    @Column(name = "submitted_at", nullable = false)
    public Instant submittedAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    public List<ReferralRequest.Exploitation> exploitation;

    @Column(name = "identity_ciphertext")
    public byte[] identityCiphertext;

    @Column(name = "identity_key_id")
    public String identityKeyId;

    @Column(name = "notes_ciphertext")
    public byte[] notesCiphertext;

    @Column(name = "notes_key_id")
    public String notesKeyId;

    @Column(name = "withdrawal_reason_ciphertext")
    public byte[] withdrawalReasonCiphertext;

    @Column(name = "withdrawal_reason_key_id")
    public String withdrawalReasonKeyId;

    /** HMAC of normalised name and birth date (never the identity itself); null once erased. */
    @Column(name = "duplicate_fingerprint")
    public String duplicateFingerprint;

    @Column(name = "possible_duplicate_of")
    public UUID possibleDuplicateOf;

    @Column(name = "consent_recorded_at")
    public Instant consentRecordedAt;

    /** Proposals made and not yet answered (parallel offers may hold several). */
    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "open_placement_ids", nullable = false)
    public List<UUID> openPlacementIds = new ArrayList<>();

    /** The placement accepted or arrived at; forgotten when it is cancelled or ends in a no-show. */
    @Column(name = "accepted_placement_id")
    public UUID acceptedPlacementId;

    /** The shelter of that placement: its staff may read the identity. Never shown to a partner. */
    @Column(name = "accepted_shelter_id")
    public UUID acceptedShelterId;

    /** Time of the latest placement event applied: older ones are stale and ignored. */
    @Column(name = "last_event_at")
    public Instant lastEventAt;

    @Column(name = "closed_at")
    public Instant closedAt;

    @Column(name = "personal_data_erased_at")
    public Instant personalDataErasedAt;

    /** Why a coordinator erased the personal data before the retention delay (ADR 17); no personal data. */
    @Column(name = "erasure_reason")
    public String erasureReason;

    /** What the figures keep once the personal data is erased: the current location's department, the head count. */
    @Column(name = "department_code")
    public String departmentCode;

    @Column(name = "household_size")
    public Integer householdSize;

    /** Closed by the suite after a long time without any change of status (ADR 11). */
    @Column(name = "auto_closed", nullable = false)
    public boolean autoClosed;

    /** Where the referral stands for placement, as {@link StatusRules} and {@link IdentityAccess} read it. */
    StatusRules.State state() {
        return new StatusRules.State(
                status, new LinkedHashSet<>(openPlacementIds), acceptedPlacementId, acceptedShelterId);
    }

    /**
     * Follows one placement event (its time already at the stored precision, and not stale): moves as
     * {@link StatusRules} says, records the step in the timeline when the status changes. Returns whether anything
     * changed.
     */
    boolean follow(EventType event, UUID placementId, UUID shelterId, Instant at) {
        Optional<StatusRules.State> next = StatusRules.next(state(), event, placementId, shelterId);
        if (next.isEmpty()) {
            return false;
        }
        StatusRules.State state = next.get();
        openPlacementIds = new ArrayList<>(state.openPlacements());
        acceptedPlacementId = state.acceptedPlacementId();
        acceptedShelterId = state.acceptedShelterId();
        lastEventAt = at;
        if (state.status() != status) {
            moveTo(state.status(), at);
        } else {
            updatedAt = Instant.now();
        }
        return true;
    }

    /**
     * Withdrawn by the suite itself: nothing happened to this open referral for the retention's inactivity delay.
     * Closed at {@code now}, so that the erasure delay runs from then.
     */
    public void closeAsInactive(Instant now) {
        moveTo(ReferralStatus.WITHDRAWN, now);
        autoClosed = true;
        closedAt = now;
        updatedAt = now;
    }

    /** Moves to a status and records the step in the timeline. */
    void moveTo(ReferralStatus next, Instant at) {
        status = next;
        updatedAt = Instant.now();
        if (next.isClosed()) {
            closedAt = updatedAt;
        }
        ReferralService.timeline(id, next, at);
    }
}
