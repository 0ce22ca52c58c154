package org.acse.placement.events;

import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.acse.common.events.ReferralErased;
import org.acse.common.events.ReferralSubmitted;
import org.acse.common.events.ReferralWithdrawn;
import org.acse.placement.decision.ReferralReactions;
import org.acse.placement.retention.RetentionJob;
import org.acse.platform.inbox.Inbox;
import org.acse.platform.inbox.IncomingEvent;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Consumes {@code acse.referrals} through the platform {@link Inbox}: each event handled once, in its own
 * transaction; poison (and an event naming an unknown place) to {@code acse.referrals.dlq} at once; transient
 * failures retried, so that the channel never stops.
 */
@ApplicationScoped
public class ReferralEventsConsumer {
    static final String CONSUMER = "placement-service";

    @Inject
    Inbox inbox;

    @Inject
    ReferralReactions referrals;

    @Inject
    RetentionJob retention;

    @Incoming("referrals")
    @Blocking
    public void consume(ConsumerRecord<String, String> record) {
        inbox.handle(record, CONSUMER, this::handle);
    }

    private void handle(IncomingEvent event) {
        switch (event.type()) {
            case REFERRAL_SUBMITTED -> referrals.onSubmitted(event.data(ReferralSubmitted.class));
            case REFERRAL_WITHDRAWN -> referrals.onWithdrawn(event.data(ReferralWithdrawn.class));
            case REFERRAL_ERASED ->
                retention.erase(event.data(ReferralErased.class).referralId());
            default -> {
                // other types on this topic are not ours
            }
        }
    }
}
