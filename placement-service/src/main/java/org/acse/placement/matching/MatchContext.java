package org.acse.placement.matching;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;

/**
 * The moving parts of one search: the time, the units held or given right now, and the shelters that already
 * declined this referral or let its hold expire (never proposed again).
 */
public record MatchContext(Instant now, Set<UUID> busyUnits, Set<UUID> excludedShelters) {
    public MatchContext {
        busyUnits = Set.copyOf(busyUnits);
        excludedShelters = Set.copyOf(excludedShelters);
    }
}
