package org.acse.placement.matching;

/**
 * How an eligible place scored: each component in [0, 1] (1 is best), their weighted mean, and whether the
 * availability is stale (not confirmed recently; stale places rank after every fresh one). {@code scheme} is the
 * preferred-scheme component, null when the referral names no scheme the network knows (it then weighs nothing);
 * {@code preferenceApplied} says that the place's shelter belongs to the scheme asked for and scored for it.
 */
public record Score(
        double availability,
        double languages,
        double needs,
        double travel,
        double occupancy,
        double total,
        boolean stale,
        double travelKm,
        Double scheme,
        boolean preferenceApplied) {}
