package org.acse.placement.matching;

import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.acse.common.events.Household;
import org.acse.common.events.Needs;
import org.acse.common.events.Urgency;
import org.acse.common.geo.GeoPoint;

/**
 * What matching needs to know about a referral: household, needs, languages, urgency and coarse places, and the
 * code of the scheme of places the partner asked for, if any (upper case; a soft preference of the ranking).
 */
public record MatchRequest(
        UUID referralId,
        Household household,
        Needs needs,
        List<String> languages,
        Urgency urgency,
        List<ZoneArea> dangerZones,
        GeoPoint currentLocation,
        int minDistanceKm,
        String preferredScheme) {
    public MatchRequest {
        languages = languages == null ? List.of() : List.copyOf(languages);
        dangerZones = List.copyOf(dangerZones);
        needs = needs == null ? Needs.NONE : needs;
        preferredScheme = schemeCode(preferredScheme);
    }

    /** A scheme code as schemes store it (upper case), or null for none. */
    public static String schemeCode(String code) {
        return code == null || code.isBlank() ? null : code.strip().toUpperCase(Locale.ROOT);
    }

    /** A referral that asks for no scheme. */
    public MatchRequest(
            UUID referralId,
            Household household,
            Needs needs,
            List<String> languages,
            Urgency urgency,
            List<ZoneArea> dangerZones,
            GeoPoint currentLocation,
            int minDistanceKm) {
        this(referralId, household, needs, languages, urgency, dangerZones, currentLocation, minDistanceKm, null);
    }
}
