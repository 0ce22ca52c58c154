package org.acse.placement.decision;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.acse.common.events.Cancellation;
import org.acse.common.events.DeclineReason;
import org.acse.common.events.EventType;
import org.acse.common.events.PlacementSearching;
import org.acse.placement.matching.Candidate;
import org.acse.placement.matching.UnitStatus;
import org.acse.placement.referral.Referral;
import org.acse.placement.referral.ReferralStatus;
import org.acse.placement.shelter.Unit;
import org.acse.platform.audit.AuditLog;
import org.acse.platform.outbox.Outbox;
import org.acse.platform.problem.ProblemException;

/**
 * The answers that move a placement: the shelter's (accept, decline, back out, arrival), the clock's (expiry,
 * no-show) and the coordinators' (match again, place manually). Each locks the referral row first, so one referral
 * moves one step at a time across replicas, and announces the move through the outbox in the same transaction.
 */
@ApplicationScoped
public class Decisions {
    @Inject
    EntityManager em;

    @Inject
    Proposals proposals;

    @Inject
    DecisionEvents events;

    @Inject
    Arrangements arrangements;

    @Inject
    DecisionConfig config;

    @Inject
    Outbox outbox;

    @Inject
    AuditLog audit;

    @Inject
    PlacementMetrics metrics;

    /**
     * The shelter takes the person: the first acceptance wins, and the referral's other holds (parallel offers) are
     * released at once. The arrival window defaults to the urgency's.
     */
    @Transactional
    public Placement accept(UUID placementId, Arrangement arrangement) {
        Placement p = lockedPlacement(placementId);
        Referral referral = Referral.findById(p.referralId);
        Instant now = Instant.now();
        Arrangement.ExpectedArrival expected = arrangement == null ? null : arrangement.expectedArrival();
        Instant from = expected == null ? now : expected.from();
        Instant until = expected == null ? from.plus(config.arrivalWindow(referral.urgency)) : expected.until();
        if (!until.isAfter(from) || !until.isAfter(now)) {
            throw ProblemException.invalid(
                    "expectedArrival.until", "must be after the window's start and in the future");
        }
        p.accept(now, from, until);
        if (arrangement != null && arrangement.meetingPoint() != null) {
            arrangements.seal(p, arrangement.meetingPoint());
        }
        events.moved(p, now);
        for (Placement other : Placement.heldOf(referral.id)) {
            other.cancel(Cancellation.OFFER_TAKEN, null, now);
            events.moved(other, now);
        }
        referral.moveTo(ReferralStatus.ACCEPTED, now);
        audit.record("placement.accept", "placement", p.id);
        metrics.accepted(referral.submittedAt, now);
        return p;
    }

    /** A hold the shelter refuses: the next candidate is proposed. */
    @Transactional
    public Placement decline(UUID placementId, DeclineReason reason, String comment) {
        Placement p = lockedPlacement(placementId);
        if (p.status == PlacementStatus.ACCEPTED) {
            throw ProblemException.conflict(
                    "accepted",
                    "The placement was accepted: back out with a reason instead" + " (POST /api/v1/placements/" + p.id
                            + "/cancel).");
        }
        Instant now = Instant.now();
        p.decline(reason, now);
        arrangements.sealComment(p, comment);
        events.moved(p, now);
        audit.record("placement.decline", "placement", p.id);
        metrics.declined(reason);
        proposals.proposeNext(Referral.findById(p.referralId), now, false);
        return p;
    }

    /**
     * The shelter backs out after accepting (or a coordinator cancels a placement): that shelter is never proposed
     * again for this referral, and the next candidate is held.
     *
     * @param byCoordinator only a coordinator may cancel a hold that was not accepted (staff decline it)
     */
    @Transactional
    public Placement backOut(UUID placementId, DeclineReason reason, String comment, boolean byCoordinator) {
        Placement p = lockedPlacement(placementId);
        if (p.status == PlacementStatus.HELD && !byCoordinator) {
            throw ProblemException.conflict("not-accepted", "The proposal was not accepted: decline it instead.");
        }
        Instant now = Instant.now();
        p.cancel(Cancellation.BACKED_OUT, reason, now);
        arrangements.sealComment(p, comment);
        events.moved(p, now);
        audit.record("placement.back-out", "placement", p.id);
        metrics.backedOut(reason);
        Referral referral = Referral.findById(p.referralId);
        referral.moveTo(ReferralStatus.SEARCHING, now);
        proposals.proposeNext(referral, now, false);
        return p;
    }

    /** The person arrived: the unit is occupied and the referral closed. */
    @Transactional
    public Placement arrival(UUID placementId) {
        Placement p = lockedPlacement(placementId);
        Instant now = Instant.now();
        p.arrive(now);
        events.moved(p, now);
        audit.record("placement.arrival", "placement", p.id);
        Unit unit = Unit.findById(p.unitId);
        unit.status = UnitStatus.OCCUPIED;
        unit.availableFrom = null;
        unit.lastConfirmedAt = now;
        Referral.<Referral>findById(p.referralId).moveTo(ReferralStatus.ARRIVED, now);
        return p;
    }

    /** The shelter gives or changes the meeting point of an accepted placement. */
    @Transactional
    public Placement meetingPoint(UUID placementId, Arrangement.MeetingPoint point) {
        Placement p = lockedPlacement(placementId);
        if (p.status != PlacementStatus.ACCEPTED) {
            throw ProblemException.conflict("not-accepted", "Only an accepted placement has a meeting point.");
        }
        arrangements.seal(p, point);
        audit.record("placement.meeting-point", "placement", p.id);
        return p;
    }

    /** The scheduled expiry of one overdue hold; nothing if it was answered meanwhile. */
    @Transactional
    public void expire(UUID placementId) {
        Placement p = Placement.findById(placementId);
        if (p == null || Referral.lock(p.referralId) == null) {
            return;
        }
        em.refresh(p);
        Instant now = Instant.now();
        if (p.status != PlacementStatus.HELD || p.holdExpiresAt.isAfter(now)) {
            return;
        }
        p.expire(now);
        events.moved(p, now);
        metrics.holdExpired();
        proposals.proposeNext(Referral.findById(p.referralId), now, false);
    }

    /** An accepted placement whose arrival window passed: the unit is freed and coordinators decide what next. */
    @Transactional
    public void noShow(UUID placementId) {
        Placement p = Placement.findById(placementId);
        if (p == null || Referral.lock(p.referralId) == null) {
            return;
        }
        em.refresh(p);
        Instant now = Instant.now();
        if (p.status != PlacementStatus.ACCEPTED || p.arrivalUntil.isAfter(now)) {
            return;
        }
        p.noShow(now);
        events.moved(p, now);
        Referral.<Referral>findById(p.referralId).moveTo(ReferralStatus.AWAITING_DECISION, now);
    }

    /** A coordinator's decision to match a waiting referral again (after a no-show, a duplicate check, a no-match). */
    @Transactional
    public ReferralStatus rematch(UUID referralId) {
        Referral referral = Referral.lock(referralId);
        if (referral == null) {
            throw ProblemException.notFound("Referral");
        }
        if (referral.status != ReferralStatus.AWAITING_DECISION && referral.status != ReferralStatus.NO_MATCH) {
            throw ProblemException.conflict(
                    "not-waiting",
                    "The referral is " + referral.status
                            + ": only a referral waiting for a decision or without a match is matched again.");
        }
        Instant now = Instant.now();
        referral.moveTo(ReferralStatus.SEARCHING, now);
        outbox.publish(EventType.PLACEMENT_SEARCHING, new PlacementSearching(referral.id, now));
        audit.record("referral.rematch", "referral", referralId);
        proposals.proposeNext(referral, now, false);
        return referral.status;
    }

    /** A coordinator's choice of unit: it must be eligible, and it is held with the same guarantees. */
    @Transactional
    public Placement placeManually(UUID referralId, UUID unitId) {
        Referral referral = Referral.lock(referralId);
        if (referral == null) {
            throw ProblemException.notFound("Referral");
        }
        if (referral.status == ReferralStatus.ACCEPTED || referral.status.closed()) {
            throw ProblemException.conflict("referral-settled", "The referral is " + referral.status + ".");
        }
        Instant now = Instant.now();
        Candidate chosen = proposals.eligibleManually(referral, unitId, now);
        List<Placement> live = Placement.liveOf(referralId);
        Optional<Placement> same =
                live.stream().filter(p -> p.unitId.equals(unitId)).findFirst();
        if (same.isPresent()) {
            return same.get();
        }
        for (Placement old : live) {
            old.cancel(Cancellation.REPLACED, null, now);
            events.moved(old, now);
        }
        Placement placement = proposals.holdManually(referral, chosen, now);
        audit.record("placement.manual", "placement", placement.id);
        return placement;
    }

    /** The placement with its referral locked, so that a concurrent expiry or withdrawal waits for us. */
    private Placement lockedPlacement(UUID placementId) {
        Placement p = Placement.findById(placementId);
        if (p == null) {
            throw ProblemException.notFound("Placement");
        }
        Referral.lock(p.referralId);
        em.refresh(p);
        return p;
    }
}
