package org.acse.notification.alert;

import java.util.Optional;
import java.util.UUID;
import org.acse.platform.security.Caller;

/**
 * Who looks at alerts: coordinators see all, shelter staff only their shelter's proposals (never a coordinators'
 * alert, even one that names their shelter), anyone else nothing. A partner organisation sees no alert, only its
 * own referrals' status changes on the live stream. Plain data, one rule for every read.
 */
public record Viewer(String subject, boolean coordinator, Optional<UUID> shelterId, Optional<String> organisationId) {
    public static Viewer of(Caller caller) {
        return new Viewer(
                caller.subject(),
                caller.isCoordinator(),
                caller.isShelterStaff() ? caller.shelterId() : Optional.empty(),
                caller.isPartner() ? caller.organisationId() : Optional.empty());
    }

    /** A referral's status change: its organisation and coordinators. */
    public boolean canSee(ReferralChange change) {
        return coordinator
                || organisationId.filter(change.organisationId()::equals).isPresent();
    }

    public boolean canSee(Alert alert) {
        return canSee(alert.kind, alert.shelterId);
    }

    public boolean canSee(AlertView alert) {
        return canSee(alert.kind(), alert.shelterId());
    }

    public boolean canSee(AlertKind kind, UUID alertShelterId) {
        return coordinator
                || (kind.forShelter()
                        && alertShelterId != null
                        && shelterId.filter(alertShelterId::equals).isPresent());
    }
}
