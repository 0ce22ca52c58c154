package org.acse.notification.alert;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.time.Instant;
import java.util.UUID;

/** A referral's status as its organisation hears it, on the live stream: ids and the status, nothing personal. */
public record ReferralChange(
        UUID referralId,
        ReferralStatus status,
        Instant updatedAt,
        @JsonIgnore String organisationId) {
    static ReferralChange of(ReferralOrigin origin) {
        return new ReferralChange(origin.referralId, origin.status, origin.updatedAt, origin.organisationId);
    }
}
