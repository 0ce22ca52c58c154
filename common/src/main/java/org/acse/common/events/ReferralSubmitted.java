package org.acse.common.events;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * {@code org.acse.referral.submitted.v1}: a partner asked for a distant bed. Coarse locations only: the commune the
 * person is in now and the danger zones, which matching needs. {@code possibleDuplicateOf} names an open referral
 * that seems to be for the same person (a coordinator decides before a bed is held); {@code preferredScheme} is the
 * code of a scheme of places the partner asked for, a soft preference of the ranking. Both may be null.
 */
public record ReferralSubmitted(
        UUID referralId,
        String pseudonym,
        String organisationId,
        Household household,
        Needs needs,
        List<String> languages,
        Urgency urgency,
        List<DangerZone> dangerZones,
        String currentCommuneCode,
        int minDistanceKm,
        Instant submittedAt,
        UUID possibleDuplicateOf,
        String preferredScheme)
        implements AcseEvent {
    public ReferralSubmitted {
        languages = languages == null ? List.of() : List.copyOf(languages);
        dangerZones = dangerZones == null ? List.of() : List.copyOf(dangerZones);
    }
}
