package org.acse.placement.decision;

import java.time.Instant;
import java.util.UUID;
import org.acse.common.events.Cancellation;
import org.acse.common.events.DeclineReason;

/**
 * A placement as staff and coordinators see it: never the comment, never the meeting point (only whether one was
 * given; the referring organisation reads it).
 */
public record PlacementView(
        UUID id,
        UUID referralId,
        UUID shelterId,
        UUID unitId,
        PlacementStatus status,
        Instant holdExpiresAt,
        boolean manual,
        DeclineReason declineReason,
        Cancellation cancellation,
        Arrangement.ExpectedArrival expectedArrival,
        boolean meetingPointGiven,
        Instant createdAt,
        Instant decidedAt) {

    static PlacementView of(Placement p) {
        return new PlacementView(
                p.id,
                p.referralId,
                p.shelterId,
                p.unitId,
                p.status,
                p.holdExpiresAt,
                p.manual,
                p.declineReason,
                p.cancellation,
                p.arrivalUntil == null ? null : new Arrangement.ExpectedArrival(p.arrivalFrom, p.arrivalUntil),
                p.meetingPointCiphertext != null,
                p.createdAt,
                p.decidedAt);
    }
}
