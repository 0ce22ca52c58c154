package org.acse.placement.decision;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * Every move a placement may make, in one place:
 *
 * <pre>
 * HELD     → ACCEPTED | DECLINED | EXPIRED | CANCELLED
 * ACCEPTED → ARRIVED  | CANCELLED | NO_SHOW
 * </pre>
 *
 * Everything else is final. Plain class: the entity asks it before each transition.
 */
public final class PlacementRules {
    private static final Map<PlacementStatus, Set<PlacementStatus>> NEXT = new EnumMap<>(PlacementStatus.class);

    static {
        NEXT.put(
                PlacementStatus.HELD,
                EnumSet.of(
                        PlacementStatus.ACCEPTED,
                        PlacementStatus.DECLINED,
                        PlacementStatus.EXPIRED,
                        PlacementStatus.CANCELLED));
        NEXT.put(
                PlacementStatus.ACCEPTED,
                EnumSet.of(PlacementStatus.ARRIVED, PlacementStatus.CANCELLED, PlacementStatus.NO_SHOW));
    }

    public static boolean allows(PlacementStatus from, PlacementStatus to) {
        return NEXT.getOrDefault(from, Set.of()).contains(to);
    }

    public static boolean isFinal(PlacementStatus status) {
        return !NEXT.containsKey(status);
    }

    private PlacementRules() {}
}
