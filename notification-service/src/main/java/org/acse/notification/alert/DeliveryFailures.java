package org.acse.notification.alert;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.acse.notification.channel.OwnerType;
import org.acse.notification.delivery.Deliveries;
import org.acse.notification.delivery.DeliveryGaveUp;

/** Coordinators hear of every delivery that gave up, except one to their own channels (nobody else to tell). */
@ApplicationScoped
public class DeliveryFailures {
    @Inject
    Deliveries deliveries;

    @Inject
    AlertLinks links;

    /** Synchronous: in the transaction that marked the delivery failed, so both commit or neither. */
    void onGaveUp(@Observes DeliveryGaveUp failed) {
        if (failed.recipientType() == OwnerType.COORDINATION) {
            return;
        }
        deliveries.enqueue(
                OwnerType.COORDINATION,
                OwnerType.COORDINATION_ID,
                failed.alertId(),
                failed.referralId(),
                AlertMessages.DELIVERY_FAILED,
                AlertMessages.deliveryFailed(
                        failed.deliveryId(),
                        failed.alertId(),
                        failed.referralId(),
                        failed.channel().name(),
                        failed.recipientType().name(),
                        failed.recipientId(),
                        failed.attempts(),
                        links.coordination()));
    }
}
