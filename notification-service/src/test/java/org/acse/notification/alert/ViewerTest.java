package org.acse.notification.alert;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Need-to-know: a team sees its shelter's proposals only, coordinators everything, anyone else nothing. */
class ViewerTest {
    static final UUID SHELTER = UUID.randomUUID();
    static final Viewer TEAM = new Viewer("staff", false, Optional.of(SHELTER));
    static final Viewer OTHER_TEAM = new Viewer("staff-2", false, Optional.of(UUID.randomUUID()));
    static final Viewer COORDINATOR = new Viewer("coordinator", true, Optional.empty());
    static final Viewer NOBODY = new Viewer("partner", false, Optional.empty());

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
}
