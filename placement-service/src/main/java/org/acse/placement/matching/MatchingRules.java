package org.acse.placement.matching;

import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import org.acse.common.events.Urgency;

/**
 * The tunable part of matching: ranking weights, how soon each urgency needs a place, the default minimum distance
 * from danger zones, the distance beyond which travel no longer scores, and when availability turns stale.
 */
public record MatchingRules(Weights weights, Map<Urgency, Duration> delays, int defaultMinDistanceKm,
        double travelScaleKm, Duration staleAfter) {

    public record Weights(double availability, double languages, double needs, double travel, double occupancy) {
        double sum() {
            return availability + languages + needs + travel + occupancy;
        }
    }

    public MatchingRules {
        delays = new EnumMap<>(delays);
        for (Urgency u : Urgency.values()) {
            if (!delays.containsKey(u)) {
                throw new IllegalArgumentException("no delay for " + u);
            }
        }
        if (weights.sum() <= 0) {
            throw new IllegalArgumentException("weights must not all be zero");
        }
    }

    /** Product §3 and §5 defaults. */
    public static MatchingRules defaults() {
        return new MatchingRules(new Weights(4, 2, 1, 2, 1),
                Map.of(Urgency.IMMEDIATE, Duration.ofHours(24), Urgency.WITHIN_72H, Duration.ofHours(72),
                        Urgency.WITHIN_7_DAYS, Duration.ofDays(7)),
                200, 1200, Duration.ofHours(24));
    }

    public Duration delay(Urgency urgency) {
        return delays.get(urgency);
    }
}
