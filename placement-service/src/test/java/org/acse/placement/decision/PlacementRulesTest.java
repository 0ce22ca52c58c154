package org.acse.placement.decision;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The whole table: for every status, exactly the moves the decision loop promises, and nothing else. */
class PlacementRulesTest {

    static Set<PlacementStatus> expectedNext(PlacementStatus from) {
        return switch (from) {
            case HELD ->
                EnumSet.of(
                        PlacementStatus.ACCEPTED,
                        PlacementStatus.DECLINED,
                        PlacementStatus.EXPIRED,
                        PlacementStatus.CANCELLED);
            case ACCEPTED -> EnumSet.of(PlacementStatus.ARRIVED, PlacementStatus.CANCELLED, PlacementStatus.NO_SHOW);
            case DECLINED, EXPIRED, CANCELLED, NO_SHOW, ARRIVED -> EnumSet.noneOf(PlacementStatus.class);
        };
    }

    @ParameterizedTest
    @EnumSource(PlacementStatus.class)
    void everyMoveFrom(PlacementStatus from) {
        for (PlacementStatus to : PlacementStatus.values()) {
            assertThat(PlacementRules.allows(from, to))
                    .as(from + " → " + to)
                    .isEqualTo(expectedNext(from).contains(to));
        }
        assertThat(PlacementRules.isFinal(from)).isEqualTo(expectedNext(from).isEmpty());
        // Only held and accepted placements keep their unit from anyone else.
        assertThat(from.live()).isEqualTo(!PlacementRules.isFinal(from));
    }
}
