package org.acse.platform.outbox;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.acse.common.events.CloudEventHeaders;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Emitter;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.OnOverflow;
import org.jboss.logging.Logger;

/**
 * Publishes outbox messages to Kafka as CloudEvents (binary mode), oldest first, and marks them published only after
 * the broker acknowledged them. One relay pass at a time across all replicas of a service (a PostgreSQL advisory
 * lock), which keeps each referral's events in order; rows are also claimed {@code FOR UPDATE SKIP LOCKED}.
 * A failed batch is retried with exponential backoff.
 */
@ApplicationScoped
public class OutboxRelay {
    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);
    /** Any constant works; it only has to be the same for every replica of one service (each has its own schema). */
    private static final long RELAY_LOCK = 0x4163536552656cL;

    @Inject
    OutboxConfig config;

    @Inject
    EntityManager entityManager;

    /** Bounded by the batch size: a pass never has more than one batch in flight. */
    @Inject
    @Channel("outbox")
    @OnOverflow(OnOverflow.Strategy.UNBOUNDED_BUFFER)
    Emitter<String> emitter;

    @Inject
    MeterRegistry meters;

    private final Object signal = new Object();
    private final AtomicLong backlog = new AtomicLong();
    private volatile boolean woken;
    private volatile boolean running;
    private Thread worker;

    void start(@Observes StartupEvent event) {
        Gauge.builder("acse.outbox.backlog", backlog, AtomicLong::get)
                .description("Outbox messages not yet acknowledged by the broker").register(meters);
        if (!config.relayEnabled()) {
            return;
        }
        running = true;
        worker = new Thread(this::loop, "outbox-relay");
        worker.setDaemon(true);
        worker.start();
    }

    void stop(@Observes ShutdownEvent event) {
        running = false;
        wake();
        if (worker != null) {
            try {
                worker.join(5_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Called after a commit that wrote to the outbox. */
    public void wake() {
        synchronized (signal) {
            woken = true;
            signal.notifyAll();
        }
    }

    private void loop() {
        while (running) {
            int published;
            try {
                published = relayOnce();
            } catch (RuntimeException e) {
                // Database or broker trouble: the rows stay pending and are retried; no payload is logged.
                LOG.warnf("outbox relay pass failed: %s", e.getClass().getSimpleName());
                published = 0;
            }
            if (published < config.batchSize()) {
                awaitWork();
            }
        }
    }

    private void awaitWork() {
        synchronized (signal) {
            if (!woken && running) {
                try {
                    signal.wait(config.pollInterval().toMillis());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    running = false;
                }
            }
            woken = false;
        }
    }

    /** One pass: claims, publishes and marks a batch. Returns how many were published. */
    public int relayOnce() {
        return QuarkusTransaction.requiringNew().timeout((int) config.ackTimeout().toSeconds() + 30).call(() -> {
            Boolean locked = (Boolean) entityManager
                    .createNativeQuery("SELECT pg_try_advisory_xact_lock(:lock)")
                    .setParameter("lock", RELAY_LOCK).getSingleResult();
            if (!locked) {
                return 0;
            }
            @SuppressWarnings("unchecked")
            List<OutboxMessage> batch = entityManager.createNativeQuery(
                    "SELECT * FROM outbox_message WHERE published_at IS NULL AND next_attempt_at <= now()"
                            + " ORDER BY id LIMIT :limit FOR UPDATE SKIP LOCKED", OutboxMessage.class)
                    .setParameter("limit", config.batchSize()).getResultList();
            backlog.set(((Number) entityManager
                    .createNativeQuery("SELECT count(*) FROM outbox_message WHERE published_at IS NULL")
                    .getSingleResult()).longValue());
            if (batch.isEmpty()) {
                return 0;
            }
            List<CompletableFuture<Void>> acks = new ArrayList<>(batch.size());
            for (OutboxMessage message : batch) {
                acks.add(send(message));
            }
            Instant now = Instant.now();
            int published = 0;
            for (int i = 0; i < batch.size(); i++) {
                OutboxMessage message = batch.get(i);
                try {
                    acks.get(i).get(config.ackTimeout().toMillis(), TimeUnit.MILLISECONDS);
                    message.publishedAt = now;
                    published++;
                } catch (Exception e) {
                    message.attempts++;
                    message.nextAttemptAt = now.plus(backoff(message.attempts));
                }
            }
            if (published < batch.size()) {
                LOG.warnf("outbox: %d of %d messages not acknowledged, retrying later", batch.size() - published,
                        batch.size());
            }
            backlog.addAndGet(-published);
            return published;
        });
    }

    private CompletableFuture<Void> send(OutboxMessage message) {
        RecordHeaders headers = new RecordHeaders();
        header(headers, CloudEventHeaders.SPEC_VERSION, CloudEventHeaders.SPEC_VERSION_VALUE);
        header(headers, CloudEventHeaders.ID, message.eventId.toString());
        header(headers, CloudEventHeaders.TYPE, message.eventType);
        header(headers, CloudEventHeaders.SOURCE, config.source());
        header(headers, CloudEventHeaders.SUBJECT, message.messageKey);
        header(headers, CloudEventHeaders.TIME, DateTimeFormatter.ISO_INSTANT.format(message.createdAt));
        header(headers, CloudEventHeaders.CONTENT_TYPE, CloudEventHeaders.JSON);
        if (message.traceparent != null) {
            header(headers, CloudEventHeaders.TRACEPARENT, message.traceparent);
        }
        CompletableFuture<Void> ack = new CompletableFuture<>();
        Message<String> record = Message.of(message.payload)
                .addMetadata(OutgoingKafkaRecordMetadata.<String>builder()
                        .withTopic(message.topic)
                        .withKey(message.messageKey)
                        .withHeaders(headers)
                        .build())
                .withAck(() -> {
                    ack.complete(null);
                    return CompletableFuture.completedFuture(null);
                })
                .withNack(failure -> {
                    ack.completeExceptionally(failure);
                    return CompletableFuture.completedFuture(null);
                });
        try {
            emitter.send(record);
        } catch (RuntimeException e) {
            ack.completeExceptionally(e);
        }
        return ack;
    }

    private Duration backoff(int attempts) {
        long millis = config.initialBackoff().toMillis() << Math.min(attempts - 1, 16);
        return Duration.ofMillis(Math.min(millis, config.maxBackoff().toMillis()));
    }

    private static void header(RecordHeaders headers, String name, String value) {
        headers.add(name, value.getBytes(StandardCharsets.UTF_8));
    }
}
