package org.acse.intake.referral;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.acse.common.events.EventType;
import org.junit.jupiter.api.Test;

/** Who may read an identity, for every status: coordinators always, the holding shelter's staff only. */
class IdentityAccessRuleTest {
    private static final UUID SHELTER = UUID.randomUUID();
    private static final UUID PLACEMENT = UUID.randomUUID();
    private static final IdentityAccess.Reader COORDINATOR = new IdentityAccess.Reader(true, false, Optional.empty());
    private static final IdentityAccess.Reader HOLDING_STAFF =
            new IdentityAccess.Reader(false, true, Optional.of(SHELTER));
    private static final IdentityAccess.Reader OTHER_STAFF =
            new IdentityAccess.Reader(false, true, Optional.of(UUID.randomUUID()));
    private static final IdentityAccess.Reader STAFF_WITHOUT_SHELTER =
            new IdentityAccess.Reader(false, true, Optional.empty());
    private static final IdentityAccess.Reader PARTNER = new IdentityAccess.Reader(false, false, Optional.empty());

    @Test
    void theStaffOfTheShelterHoldingTheAcceptedOrArrivedPlacementOnly() {
        for (ReferralStatus status : ReferralStatus.values()) {
            StatusRules.State held = new StatusRules.State(status, Set.of(), PLACEMENT, SHELTER);
            boolean holds = status == ReferralStatus.ACCEPTED || status == ReferralStatus.ARRIVED;
            assertThat(IdentityAccess.mayRead(COORDINATOR, held))
                    .as("coordinator, " + status)
                    .isTrue();
            assertThat(IdentityAccess.mayRead(HOLDING_STAFF, held))
                    .as("holding staff, " + status)
                    .isEqualTo(holds);
            assertThat(IdentityAccess.mayRead(OTHER_STAFF, held))
                    .as("other staff, " + status)
                    .isFalse();
            assertThat(IdentityAccess.mayRead(STAFF_WITHOUT_SHELTER, held))
                    .as("no shelter, " + status)
                    .isFalse();
            assertThat(IdentityAccess.mayRead(PARTNER, held))
                    .as("partner, " + status)
                    .isFalse();
        }
    }

    @Test
    void onceThePlacementIsForgottenItsShelterHasNoAccess() {
        StatusRules.State backedOut = StatusRules.next(
                        new StatusRules.State(ReferralStatus.ACCEPTED, Set.of(), PLACEMENT, SHELTER),
                        EventType.PLACEMENT_CANCELLED,
                        PLACEMENT,
                        SHELTER)
                .orElseThrow();
        assertThat(IdentityAccess.mayRead(HOLDING_STAFF, backedOut)).isFalse();
        assertThat(IdentityAccess.mayRead(COORDINATOR, backedOut)).isTrue();
        // Even with the status still saying ACCEPTED, no shelter means no staff access.
        assertThat(IdentityAccess.mayRead(HOLDING_STAFF, StatusRules.State.of(ReferralStatus.ACCEPTED)))
                .isFalse();
    }
}
