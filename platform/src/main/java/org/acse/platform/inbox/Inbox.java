package org.acse.platform.inbox;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.Optional;
import java.util.function.Consumer;
import org.acse.common.events.MalformedEventException;
import org.acse.platform.logging.EventLog;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.jboss.logging.Logger;
import org.jboss.logging.MDC;

/**
 * How every consumer of the suite handles a record: read the CloudEvent, skip an event this consumer already
 * handled, run the handler in its own transaction together with the idempotency record. A record that is not a
 * readable event is poison: it is rethrown at once and the channel's failure strategy sends it to the dead-letter
 * topic. Any other failure (the database restarting…) is retried with backoff for {@code acse.inbox.retry-for}, so
 * that a database restart loses nothing; only then does the record go to the dead-letter topic.
 */
@ApplicationScoped
public class Inbox {
    private static final Logger LOG = Logger.getLogger(Inbox.class);
    private static final long MAX_BACKOFF_MS = 5_000;

    @Inject
    ProcessedEvents processed;

    @Inject
    InboxConfig config;

    @Inject
    MeterRegistry meters;

    private volatile boolean shuttingDown;

    /** Call from a {@code @Blocking} {@code @Incoming} method that is not itself transactional. */
    public void handle(ConsumerRecord<String, String> record, String consumer, Consumer<IncomingEvent> handler) {
        // Every line logged while handling names the referral (the record key: an id, never personal data).
        MDC.put(EventLog.REFERRAL_ID, String.valueOf(record.key()));
        try {
            process(record, consumer, handler);
        } finally {
            MDC.remove(EventLog.REFERRAL_ID);
        }
    }

    private void process(ConsumerRecord<String, String> record, String consumer, Consumer<IncomingEvent> handler) {
        // Exists at 0 from the topic's first record on, so that Prometheus' increase() sees the first dead letter.
        Counter deadLetters = deadLetters(record);
        Optional<IncomingEvent> parsed;
        try {
            parsed = IncomingEvent.from(record);
        } catch (MalformedEventException e) {
            deadLetters.increment();
            throw e;
        }
        if (parsed.isEmpty()) {
            return; // a type this version does not know: newer producers may add some
        }
        IncomingEvent event = parsed.get();
        if (shuttingDown) {
            holdUntilStopped(consumer, event);
        }
        long deadline = System.nanoTime() + config.retryFor().toNanos();
        long backoff = config.initialBackoff().toMillis();
        while (true) {
            try {
                QuarkusTransaction.requiringNew().run(() -> {
                    if (processed.firstDelivery(event.id(), consumer)) {
                        handler.accept(event);
                    }
                });
                return;
            } catch (MalformedEventException e) {
                deadLetters.increment();
                throw e;
            } catch (RuntimeException e) {
                if (shuttingDown) {
                    holdUntilStopped(consumer, event);
                }
                if (System.nanoTime() + backoff * 1_000_000 > deadline) {
                    LOG.errorf(
                            "%s: event %s (%s) still failing (%s); sent to the dead-letter topic",
                            consumer,
                            event.id(),
                            event.type().type(),
                            e.getClass().getSimpleName());
                    deadLetters.increment();
                    throw e;
                }
                LOG.warnf(
                        "%s: event %s failed (%s), retrying in %d ms",
                        consumer, event.id(), e.getClass().getSimpleName(), backoff);
                pause(backoff);
                backoff = Math.min(backoff * 2, MAX_BACKOFF_MS);
            }
        }
    }

    /** Set as the application begins to stop, before its beans (the database's pool among them) go. */
    void stopping(@Observes @Priority(1) ShutdownEvent event) {
        shuttingDown = true;
    }

    /**
     * A record taken, or failing, while the application stops is neither acknowledged nor dead-lettered: the thread
     * waits while the consumer closes (committing only what was handled, after at most {@code auto.commit.interval.ms})
     * until the worker pool interrupts it ({@code quarkus.thread-pool.shutdown-interrupt}); the record stays
     * uncommitted and another instance handles it after the rebalance. Retrying here would fail on beans already gone
     * and, after {@code retry-for}, send a valid event to the dead-letter topic.
     */
    private void holdUntilStopped(String consumer, IncomingEvent event) {
        LOG.infof("%s: event %s left to another instance (stopping)", consumer, event.id());
        pause(config.retryFor().toMillis());
        throw new IllegalStateException("stopping: event left uncommitted");
    }

    /** Counted as a record leaves for the dead-letter topic: the source topic is the only tag (never an id). */
    private Counter deadLetters(ConsumerRecord<String, String> record) {
        return Counter.builder("acse.dlq.messages")
                .description("Records sent to the dead-letter topic of their topic")
                .tag("topic", record.topic())
                .register(meters);
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while retrying an event", e);
        }
    }
}
