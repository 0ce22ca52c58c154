package org.acse.common.events;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * {@code org.acse.referral.submitted.v1}: a partner asked for a distant bed. Coarse locations only: the commune the
 * person is in now and the danger zones, which matching needs.
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
        Instant submittedAt) implements AcseEvent {
    public ReferralSubmitted {
        languages = languages == null ? List.of() : List.copyOf(languages);
        dangerZones = dangerZones == null ? List.of() : List.copyOf(dangerZones);
    }
}
