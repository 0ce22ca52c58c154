package org.acse.placement.referral;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import org.acse.common.events.MalformedEventException;
import org.acse.common.events.ReferralSubmitted;
import org.acse.common.events.ReferralWithdrawn;
import org.acse.placement.placement.PlacementService;
import org.acse.platform.inbox.IncomingEvent;
import org.acse.platform.inbox.ProcessedEvents;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/**
 * Consumes {@code acse.referrals}. Each event is handled once (its id recorded in the same transaction as its
 * effects). A poison record goes to {@code acse.referrals.dlq} at once; a transient failure (database restart) is
 * retried a few times before it too is parked there, so that the channel never stops.
 */
@ApplicationScoped
public class ReferralEventsConsumer {
    static final String CONSUMER = "placement-service";
    private static final Logger LOG = Logger.getLogger(ReferralEventsConsumer.class);
    private static final int ATTEMPTS = 5;

    @Inject
    ProcessedEvents processed;

    @Inject
    PlacementService placements;

    @Incoming("referrals")
    @Blocking
    public void consume(ConsumerRecord<String, String> record) throws InterruptedException {
        Optional<IncomingEvent> parsed = IncomingEvent.from(record);
        if (parsed.isEmpty()) {
            return;
        }
        IncomingEvent event = parsed.get();
        for (int attempt = 1; ; attempt++) {
            try {
                QuarkusTransaction.requiringNew().run(() -> handle(event));
                return;
            } catch (MalformedEventException e) {
                throw e;
            } catch (RuntimeException e) {
                if (attempt >= ATTEMPTS) {
                    LOG.errorf("event %s of type %s failed %d times (%s): sent to the dead-letter topic", event.id(),
                            event.type(), attempt, e.getClass().getSimpleName());
                    throw e;
                }
                LOG.warnf("event %s failed (%s), retrying", event.id(), e.getClass().getSimpleName());
                Thread.sleep(200L << attempt);
            }
        }
    }

    private void handle(IncomingEvent event) {
        if (!processed.firstDelivery(event.id(), CONSUMER)) {
            return;
        }
        switch (event.type()) {
            case REFERRAL_SUBMITTED -> placements.onSubmitted(event.data(ReferralSubmitted.class));
            case REFERRAL_WITHDRAWN -> placements.onWithdrawn(event.data(ReferralWithdrawn.class));
            default -> {
                // other types on this topic are not ours
            }
        }
    }
}
