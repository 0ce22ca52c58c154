package org.acse.placement.placement;

import org.acse.common.events.DeclineReason;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A placement as staff and coordinators see it; never the decline comment. */
public record PlacementView(UUID id, UUID referralId, UUID shelterId, UUID unitId, PlacementStatus status,
        Instant holdExpiresAt, boolean manual, DeclineReason declineReason, Instant createdAt, Instant decidedAt) {

    static PlacementView of(Placement p) {
        return new PlacementView(p.id, p.referralId, p.shelterId, p.unitId, p.status, p.holdExpiresAt, p.manual,
                p.declineReason, p.createdAt, p.decidedAt);
    }

    public record Page(List<PlacementView> items, int page, int size, long total) {
    }
}
