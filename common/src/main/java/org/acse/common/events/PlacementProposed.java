package org.acse.common.events;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * {@code org.acse.placement.proposed.v1}: a place is held for the referral and the receiving shelter must answer
 * before {@code holdExpiresAt}. Carries what the shelter team needs to decide, and no identity.
 */
public record PlacementProposed(
        UUID placementId,
        UUID referralId,
        UUID shelterId,
        UUID unitId,
        String pseudonym,
        Household household,
        Needs needs,
        List<String> languages,
        Urgency urgency,
        Instant availableFrom,
        Instant holdExpiresAt,
        Instant proposedAt)
        implements AcseEvent {
    public PlacementProposed {
        languages = languages == null ? List.of() : List.copyOf(languages);
    }
}
