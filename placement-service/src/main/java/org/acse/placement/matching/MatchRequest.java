package org.acse.placement.matching;

import java.util.List;
import java.util.UUID;
import org.acse.common.events.Household;
import org.acse.common.events.Needs;
import org.acse.common.events.Urgency;
import org.acse.common.geo.GeoPoint;

/** What matching needs to know about a referral: household, needs, languages, urgency and coarse places. */
public record MatchRequest(UUID referralId, Household household, Needs needs, List<String> languages,
        Urgency urgency, List<ZoneArea> dangerZones, GeoPoint currentLocation, int minDistanceKm) {
    public MatchRequest {
        languages = languages == null ? List.of() : List.copyOf(languages);
        dangerZones = List.copyOf(dangerZones);
        needs = needs == null ? Needs.NONE : needs;
    }
}
