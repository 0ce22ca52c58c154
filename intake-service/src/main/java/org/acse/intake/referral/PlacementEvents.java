package org.acse.intake.referral;

import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.acse.common.events.PlacementDecided;
import org.acse.common.events.PlacementNoMatch;
import org.acse.common.events.PlacementProposed;
import org.acse.common.events.PlacementSearching;
import org.acse.platform.inbox.Inbox;
import org.acse.platform.inbox.IncomingEvent;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/**
 * Follows placement's events so that partners see where their referral stands, and so that the identity follows the
 * accepted placement (the rules are {@link StatusRules}). Idempotent (processed event ids), and a stale or
 * out-of-order event never moves a referral back or reopens a closed one. A record that is not a
 * readable event throws, and the channel's failure strategy sends it to {@code acse.placements.dlq}.
 */
@ApplicationScoped
public class PlacementEvents {
    static final String CONSUMER = "intake-referral-status";
    private static final Logger LOG = Logger.getLogger(PlacementEvents.class);

    @Inject
    Inbox inbox;

    @Incoming("placements")
    @Blocking
    public void consume(ConsumerRecord<String, String> record) {
        inbox.handle(record, CONSUMER, this::apply);
    }

    void apply(IncomingEvent event) {
        UUID referralId = event.data().referralId();
        Referral referral = Referral.findById(referralId, LockModeType.PESSIMISTIC_WRITE);
        if (referral == null) {
            LOG.debugf("placement event %s for a referral this intake does not hold", event.id());
            return;
        }
        Instant at =
                StatusRules.storedPrecision(Optional.ofNullable(timeOf(event)).orElseGet(Instant::now));
        if (StatusRules.isStale(at, referral.lastEventAt)) {
            LOG.debugf("stale %s for referral %s ignored", event.type(), referralId);
            return;
        }
        if (!referral.follow(event.type(), placementOf(event), shelterOf(event), at)) {
            LOG.debugf("%s changes nothing for referral %s", event.type(), referralId);
        }
    }

    private static Instant timeOf(IncomingEvent event) {
        if (event.data() instanceof PlacementProposed p) {
            return p.proposedAt();
        }
        if (event.data() instanceof PlacementDecided d) {
            return d.at();
        }
        if (event.data() instanceof PlacementNoMatch n) {
            return n.at();
        }
        return event.data() instanceof PlacementSearching s ? s.at() : null;
    }

    private static UUID placementOf(IncomingEvent event) {
        if (event.data() instanceof PlacementProposed p) {
            return p.placementId();
        }
        return event.data() instanceof PlacementDecided d ? d.placementId() : null;
    }

    private static UUID shelterOf(IncomingEvent event) {
        if (event.data() instanceof PlacementProposed p) {
            return p.shelterId();
        }
        return event.data() instanceof PlacementDecided d ? d.shelterId() : null;
    }
}
