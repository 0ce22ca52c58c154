package org.acse.notification.alert;

import java.util.Optional;
import java.util.UUID;
import org.acse.platform.security.Caller;

/**
 * Who looks at alerts: coordinators see all, shelter staff only their shelter's proposals (never a coordinators'
 * alert, even one that names their shelter), anyone else nothing. Plain data, so the API (bearer tokens) and the
 * dashboard (session) share one rule.
 */
public record Viewer(String subject, boolean coordinator, Optional<UUID> shelterId) {
    public static Viewer of(Caller caller) {
        return new Viewer(
                caller.subject(),
                caller.isCoordinator(),
                caller.isShelterStaff() ? caller.shelterId() : Optional.empty());
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
