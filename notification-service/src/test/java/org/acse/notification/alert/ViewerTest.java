package org.acse.notification.alert;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Need-to-know: a team sees its shelter's proposals only, coordinators everything, anyone else nothing. */
class ViewerTest {
    static final UUID SHELTER = UUID.randomUUID();
    static final Viewer TEAM = new Viewer("staff", false, Optional.of(SHELTER), Optional.empty());
    static final Viewer OTHER_TEAM = new Viewer("staff-2", false, Optional.of(UUID.randomUUID()), Optional.empty());
    static final Viewer COORDINATOR = new Viewer("coordinator", true, Optional.empty(), Optional.empty());
    static final Viewer NOBODY = new Viewer("partner", false, Optional.empty(), Optional.empty());

    @Test
    void aTeamSeesItsOwnProposalsOnly() {
        assertThat(TEAM.canSee(AlertKind.PROPOSAL, SHELTER)).isTrue();
        assertThat(OTHER_TEAM.canSee(AlertKind.PROPOSAL, SHELTER)).isFalse();
        assertThat(NOBODY.canSee(AlertKind.PROPOSAL, SHELTER)).isFalse();
        assertThat(TEAM.canSee(AlertKind.PROPOSAL, null)).isFalse();
    }

    @Test
    void aCoordinatorsAlertStaysWithCoordinatorsEvenWhenItNamesTheShelter() {
        for (AlertKind kind : AlertKind.values()) {
            assertThat(COORDINATOR.canSee(kind, SHELTER)).isTrue();
            assertThat(COORDINATOR.canSee(kind, null)).isTrue();
            if (kind != AlertKind.PROPOSAL) {
                assertThat(TEAM.canSee(kind, SHELTER)).as(kind.name()).isFalse();
            }
        }
    }

    @Test
    void anOrganisationSeesItsOwnReferralsStatusAndNoAlert() {
        Viewer partner = new Viewer("partner@org-a", false, Optional.empty(), Optional.of("org-a"));
        ReferralChange own = new ReferralChange(UUID.randomUUID(), ReferralStatus.PROPOSED, Instant.now(), "org-a");
        ReferralChange other = new ReferralChange(UUID.randomUUID(), ReferralStatus.PROPOSED, Instant.now(), "org-b");
        assertThat(partner.canSee(own)).isTrue();
        assertThat(partner.canSee(other)).isFalse();
        assertThat(COORDINATOR.canSee(other)).isTrue();
        assertThat(TEAM.canSee(own)).isFalse();
        assertThat(partner.canSee(AlertKind.PROPOSAL, SHELTER)).isFalse();
    }
}
