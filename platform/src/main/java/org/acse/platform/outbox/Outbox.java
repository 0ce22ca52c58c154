package org.acse.platform.outbox;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.UUID;
import org.acse.common.events.AcseEvent;
import org.acse.common.events.EventJson;
import org.acse.common.events.EventType;
import org.acse.platform.logging.EventLog;
import org.acse.platform.tracing.Traceparent;
import org.acse.platform.tx.AfterCommit;

/**
 * Where services publish events: in the caller's transaction, so an event leaves if and only if its transaction
 * committed (product §9). The relay is woken right after the commit.
 */
@ApplicationScoped
public class Outbox {
    @Inject
    AfterCommit afterCommit;

    @Inject
    OutboxRelay relay;

    @Transactional(Transactional.TxType.MANDATORY)
    public UUID publish(EventType type, AcseEvent event) {
        if (!type.dataClass().isInstance(event)) {
            throw new IllegalArgumentException(
                    type + " does not carry " + event.getClass().getSimpleName());
        }
        OutboxMessage message = new OutboxMessage();
        message.eventId = UUID.randomUUID();
        message.topic = type.topic();
        message.messageKey = event.referralId().toString();
        message.eventType = type.type();
        message.payload = EventJson.write(event);
        // The current span: the request's, or inside Inbox.handle the Kafka consumer span (continued from the record).
        message.traceparent = Traceparent.current();
        message.createdAt = Instant.now();
        message.nextAttemptAt = message.createdAt;
        message.persist();
        String traceparent = message.traceparent;
        afterCommit.run(() -> {
            EventLog.published(type, event, traceparent);
            relay.wake();
        });
        return message.eventId;
    }
}
