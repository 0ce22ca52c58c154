package org.acse.placement.matching;

import java.time.Instant;
import java.util.Collections;
import java.util.Set;
import java.util.UUID;

/**
 * The moving parts of one search: the time, the units held or given right now, and the shelters that already
 * declined this referral or let its hold expire (never proposed again). The sets are read-only views, not copies:
 * the units held right now can be the service's live set (thousands of ids), read once per search.
 */
public record MatchContext(Instant now, Set<UUID> busyUnits, Set<UUID> excludedShelters) {
    public MatchContext {
        busyUnits = Collections.unmodifiableSet(busyUnits);
        excludedShelters = Collections.unmodifiableSet(excludedShelters);
    }
}
