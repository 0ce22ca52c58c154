package org.acse.placement.matching;

/**
 * How an eligible place scored: each component in [0, 1] (1 is best), their weighted mean, and whether the
 * availability is stale (not confirmed recently; stale places rank after every fresh one).
 */
public record Score(double availability, double languages, double needs, double travel, double occupancy,
        double total, boolean stale, double travelKm) {
}
