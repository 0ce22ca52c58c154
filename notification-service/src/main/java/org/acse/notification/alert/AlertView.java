package org.acse.notification.alert;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.acse.common.events.Household;
import org.acse.common.events.Needs;

/** An alert as the API and the live stream show it. No identity. */
public record AlertView(UUID id, String kind, String status, UUID referralId, UUID placementId, UUID shelterId,
        String pseudonym, Household household, Needs needs, List<String> languages, String urgency,
        Instant arrivalFrom, Instant arrivalUntil, Instant holdExpiresAt, Instant createdAt, Instant updatedAt,
        Instant ackDueAt, Instant acknowledgedAt, Instant escalatedAt) {
    public static AlertView of(Alert a) {
        return new AlertView(a.id, a.kind.name(), a.status.name(), a.referralId, a.placementId, a.shelterId,
                a.pseudonym, a.household, a.needs, a.languages, a.urgency.name(), a.arrivalFrom, a.arrivalUntil,
                a.holdExpiresAt, a.createdAt, a.updatedAt, a.ackDueAt, a.acknowledgedAt, a.escalatedAt);
    }
}
