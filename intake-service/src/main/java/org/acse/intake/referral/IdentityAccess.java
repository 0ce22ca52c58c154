package org.acse.intake.referral;

import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Who may read a referral's identity (ADR 9), the one place this is decided: coordinators always; shelter staff only
 * while their shelter holds the referral's current ACCEPTED or ARRIVED placement, so that access ends with the
 * {@code cancelled} or {@code no-show} event that ends the placement. Anyone else must get a 404.
 */
public final class IdentityAccess {
    private static final Set<ReferralStatus> HELD = EnumSet.of(ReferralStatus.ACCEPTED, ReferralStatus.ARRIVED);

    /** The caller, as far as this rule is concerned. */
    public record Reader(boolean coordinator, boolean shelterStaff, Optional<UUID> shelterId) {}

    public static boolean mayRead(Reader reader, StatusRules.State referral) {
        if (reader.coordinator()) {
            return true;
        }
        return reader.shelterStaff()
                && HELD.contains(referral.status())
                && referral.acceptedShelterId() != null
                && reader.shelterId()
                        .filter(referral.acceptedShelterId()::equals)
                        .isPresent();
    }

    private IdentityAccess() {}
}
