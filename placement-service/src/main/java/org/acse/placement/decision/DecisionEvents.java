package org.acse.placement.decision;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import org.acse.common.events.EventType;
import org.acse.common.events.PlacementDecided;
import org.acse.placement.shelter.ShelterDirectory;
import org.acse.platform.outbox.Outbox;

/**
 * Announces a placement's move through the outbox, in the transaction of the move, and, once it commits, tells the
 * matching snapshot that the unit is free again and waiting referrals that a place may be there.
 */
@ApplicationScoped
class DecisionEvents {
    @Inject
    Outbox outbox;

    @Inject
    ShelterDirectory directory;

    @Inject
    Rematcher rematcher;

    void moved(Placement p, Instant now) {
        EventType type = switch (p.status) {
            case ACCEPTED -> EventType.PLACEMENT_ACCEPTED;
            case DECLINED -> EventType.PLACEMENT_DECLINED;
            case EXPIRED -> EventType.PLACEMENT_EXPIRED;
            case CANCELLED -> EventType.PLACEMENT_CANCELLED;
            case NO_SHOW -> EventType.PLACEMENT_NO_SHOW;
            case ARRIVED -> EventType.PLACEMENT_ARRIVED;
            case HELD -> throw new IllegalStateException("a hold is announced as a proposal");
        };
        outbox.publish(
                type,
                new PlacementDecided(
                        p.id,
                        p.referralId,
                        p.shelterId,
                        p.unitId,
                        p.declineReason == null ? null : p.declineReason.name(),
                        p.cancellation,
                        now));
        if (!p.status.live()) {
            directory.freedAfterCommit(p.unitId);
            if (p.status != PlacementStatus.ARRIVED) {
                rematcher.requestAfterCommit();
            }
        }
    }
}
