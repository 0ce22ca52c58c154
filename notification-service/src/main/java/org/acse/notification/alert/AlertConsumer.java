package org.acse.notification.alert;

import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.acse.common.events.PlacementDecided;
import org.acse.common.events.PlacementNoMatch;
import org.acse.common.events.PlacementProposed;
import org.acse.common.events.PlacementSearching;
import org.acse.common.events.ReferralErased;
import org.acse.common.events.ReferralSubmitted;
import org.acse.common.events.ReferralWithdrawn;
import org.acse.notification.retention.RetentionJob;
import org.acse.platform.inbox.Inbox;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Placement and referral events → alerts and pending deliveries, in one transaction with the idempotency record
 * ({@link Inbox}): an event seen twice changes nothing twice. Sending happens after the commit, off this thread.
 */
@ApplicationScoped
public class AlertConsumer {
    static final String CONSUMER = "notification-alerts";

    @Inject
    Inbox inbox;

    @Inject
    AlertService alerts;

    @Inject
    RetentionJob retention;

    @Incoming("placements")
    @Blocking
    public void onPlacement(ConsumerRecord<String, String> record) {
        inbox.handle(record, CONSUMER, event -> {
            switch (event.type()) {
                case PLACEMENT_PROPOSED -> alerts.onProposed(event.data(PlacementProposed.class));
                case PLACEMENT_ACCEPTED,
                        PLACEMENT_DECLINED,
                        PLACEMENT_EXPIRED,
                        PLACEMENT_CANCELLED,
                        PLACEMENT_ARRIVED,
                        PLACEMENT_NO_SHOW -> alerts.onDecided(event.type(), event.data(PlacementDecided.class));
                case PLACEMENT_NO_MATCH -> alerts.onNoMatch(event.data(PlacementNoMatch.class));
                case PLACEMENT_SEARCHING -> alerts.onSearching(event.data(PlacementSearching.class));
                default -> {
                    // not a placement event
                }
            }
        });
    }

    @Incoming("referrals")
    @Blocking
    public void onReferral(ConsumerRecord<String, String> record) {
        inbox.handle(record, CONSUMER, event -> {
            switch (event.type()) {
                case REFERRAL_SUBMITTED -> alerts.onSubmitted(event.data(ReferralSubmitted.class));
                case REFERRAL_WITHDRAWN -> alerts.onWithdrawn(event.data(ReferralWithdrawn.class));
                case REFERRAL_ERASED ->
                    retention.erase(event.data(ReferralErased.class).referralId());
                default -> {}
            }
        });
    }
}
