package org.acse.placement.decision;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.acse.common.events.Cancellation;
import org.acse.common.events.DeclineReason;
import org.acse.platform.problem.ProblemException;

/**
 * A place held for, given to, or once proposed to a referral. Inserted by {@link Holds} only; every later move goes
 * through one of its transitions, which {@link PlacementRules} allows or refuses.
 */
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

    /** The acceptance, kept for the figures once the arrival or a cancellation is the latest decision. */
    @Column(name = "accepted_at")
    public Instant acceptedAt;

    /** A decline's or a back-out's reason. */
    @Enumerated(EnumType.STRING)
    @Column(name = "decline_reason")
    public DeclineReason declineReason;

    @Enumerated(EnumType.STRING)
    @Column(name = "cancellation")
    public Cancellation cancellation;

    /** The shelter's free text about a decline or back-out, encrypted: never in an event, a log or a response. */
    @Column(name = "comment_ciphertext")
    public byte[] commentCiphertext;

    @Column(name = "comment_key_id")
    public String commentKeyId;

    /** When the person is expected, from the acceptance on; past {@code arrivalUntil} it is a no-show. */
    @Column(name = "arrival_from")
    public Instant arrivalFrom;

    @Column(name = "arrival_until")
    public Instant arrivalUntil;

    /** Where and when the team meets the person (never the address), encrypted; for the partner and coordinators. */
    @Column(name = "meeting_point_ciphertext")
    public byte[] meetingPointCiphertext;

    @Column(name = "meeting_point_key_id")
    public String meetingPointKeyId;

    public static List<Placement> liveOf(UUID referralId) {
        return list(
                "referralId = ?1 and status in ?2",
                referralId,
                List.of(PlacementStatus.HELD, PlacementStatus.ACCEPTED));
    }

    public static List<Placement> heldOf(UUID referralId) {
        return list("referralId = ?1 and status = ?2", referralId, PlacementStatus.HELD);
    }

    /** The placement the referral was given to: accepted and waiting for the person, or arrived. */
    public static Optional<Placement> givenOf(UUID referralId) {
        return find(
                        "referralId = ?1 and status in ?2",
                        referralId,
                        List.of(PlacementStatus.ACCEPTED, PlacementStatus.ARRIVED))
                .firstResultOptional();
    }

    public void accept(Instant now, Instant expectedFrom, Instant expectedUntil) {
        if (status == PlacementStatus.HELD && holdExpiresAt.isBefore(now)) {
            throw ProblemException.conflict("hold-expired", "The hold expired; the referral moved on.");
        }
        moveTo(PlacementStatus.ACCEPTED, now);
        acceptedAt = now;
        arrivalFrom = expectedFrom;
        arrivalUntil = expectedUntil;
    }

    public void decline(DeclineReason reason, Instant now) {
        moveTo(PlacementStatus.DECLINED, now);
        declineReason = reason;
    }

    public void expire(Instant now) {
        moveTo(PlacementStatus.EXPIRED, now);
    }

    /** {@code reason}: why the shelter backed out ({@link Cancellation#BACKED_OUT}), else null. */
    public void cancel(Cancellation cause, DeclineReason reason, Instant now) {
        moveTo(PlacementStatus.CANCELLED, now);
        cancellation = cause;
        declineReason = reason;
    }

    public void noShow(Instant now) {
        moveTo(PlacementStatus.NO_SHOW, now);
    }

    public void arrive(Instant now) {
        moveTo(PlacementStatus.ARRIVED, now);
    }

    /** A shelter that said no (declined, let the hold expire, or backed out) is not proposed again. */
    public boolean refusedByShelter() {
        return status == PlacementStatus.DECLINED
                || status == PlacementStatus.EXPIRED
                || (status == PlacementStatus.CANCELLED && cancellation == Cancellation.BACKED_OUT);
    }

    private void moveTo(PlacementStatus next, Instant now) {
        if (!PlacementRules.allows(status, next)) {
            throw ProblemException.conflict(
                    "transition-refused", "This placement is " + status + ": it cannot become " + next + ".");
        }
        status = next;
        decidedAt = now;
    }
}
