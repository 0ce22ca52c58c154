package org.acse.notification.alert;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.acse.common.events.Household;
import org.acse.common.events.Needs;
import org.acse.common.events.Urgency;

/**
 * An alert as the API and the live stream show it. No identity. {@code relatedReferralId} is the other referral of
 * a possible duplicate, else null.
 */
public record AlertView(
        UUID id,
        AlertKind kind,
        AlertStatus status,
        UUID referralId,
        UUID relatedReferralId,
        UUID placementId,
        UUID shelterId,
        String pseudonym,
        Household household,
        Needs needs,
        List<String> languages,
        Urgency urgency,
        Instant arrivalFrom,
        Instant arrivalUntil,
        Instant holdExpiresAt,
        Instant createdAt,
        Instant updatedAt,
        Instant ackDueAt,
        Instant acknowledgedAt,
        Instant escalatedAt) {
    public static AlertView of(Alert a) {
        return new AlertView(
                a.id,
                a.kind,
                a.status,
                a.referralId,
                a.relatedReferralId,
                a.placementId,
                a.shelterId,
                a.pseudonym,
                a.household,
                a.needs,
                a.languages,
                a.urgency,
                a.arrivalFrom,
                a.arrivalUntil,
                a.holdExpiresAt,
                a.createdAt,
                a.updatedAt,
                a.ackDueAt,
                a.acknowledgedAt,
                a.escalatedAt);
    }
}
