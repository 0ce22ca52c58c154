package org.acse.notification.delivery;

import java.time.Instant;
import java.util.UUID;

/** A delivery as coordinators see it: where, how, how many attempts, when. */
public record DeliveryView(
        UUID id,
        UUID alertId,
        UUID referralId,
        String recipientType,
        String recipientId,
        String channel,
        String eventType,
        String status,
        int attempts,
        Instant createdAt,
        Instant lastAttemptAt,
        Instant nextAttemptAt,
        Instant deliveredAt,
        String lastError) {
    static DeliveryView of(Delivery d) {
        return new DeliveryView(
                d.id,
                d.alertId,
                d.referralId,
                d.recipientType.name(),
                d.recipientId,
                d.channel.name(),
                d.eventType,
                d.status.name(),
                d.attempts,
                d.createdAt,
                d.lastAttemptAt,
                d.status == Delivery.Status.PENDING ? d.nextAttemptAt : null,
                d.deliveredAt,
                d.lastError);
    }
}
