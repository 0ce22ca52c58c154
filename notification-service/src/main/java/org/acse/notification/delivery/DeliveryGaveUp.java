package org.acse.notification.delivery;

import java.util.UUID;
import org.acse.notification.channel.OwnerType;

/**
 * A CDI event, fired in the transaction that marks a delivery {@code FAILED} after its last attempt: whoever must
 * hear of it (coordinators, through the alert package) records its own deliveries in that same transaction.
 */
public record DeliveryGaveUp(
        UUID deliveryId,
        UUID alertId,
        UUID referralId,
        Delivery.Channel channel,
        OwnerType recipientType,
        String recipientId,
        int attempts) {}
