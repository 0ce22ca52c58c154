package org.acse.placement.matching;

import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import org.acse.common.events.Urgency;

/**
 * The tunable part of matching: ranking weights, how soon each urgency needs a place, the default minimum distance
 * from danger zones, the distance beyond which travel no longer scores, and when availability turns stale.
 */
public record MatchingRules(
        Weights weights,
        Map<Urgency, Duration> delays,
        int defaultMinDistanceKm,
        double travelScaleKm,
        Duration staleAfter) {

    /**
     * {@code scheme} weighs a referral's preferred scheme of places: it joins the weighted mean only in a search for a
     * referral that names a scheme the network knows, so that the scores of every other search are unchanged.
     */
    public record Weights(
            double availability, double languages, double needs, double travel, double occupancy, double scheme) {
        /** Without a scheme weight (a preferred scheme then changes nothing). */
        public Weights(double availability, double languages, double needs, double travel, double occupancy) {
            this(availability, languages, needs, travel, occupancy, 0);
        }

        /** The sum of the weights of every search (the scheme's excepted). */
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
        if (!(weights.scheme() >= 0)) {
            throw new IllegalArgumentException("the scheme weight must be 0 or more: a preference never pushes away");
        }
    }

    /** Product §3 and §5 defaults. */
    public static MatchingRules defaults() {
        return new MatchingRules(
                new Weights(4, 2, 1, 2, 1, 3),
                Map.of(
                        Urgency.IMMEDIATE,
                        Duration.ofHours(24),
                        Urgency.WITHIN_72H,
                        Duration.ofHours(72),
                        Urgency.WITHIN_7_DAYS,
                        Duration.ofDays(7)),
                200,
                1200,
                Duration.ofHours(24));
    }

    public Duration delay(Urgency urgency) {
        return delays.get(urgency);
    }
}
