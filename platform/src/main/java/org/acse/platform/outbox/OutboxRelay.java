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
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;
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
    DataSource dataSource;

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

    /** A row claimed by a pass: only what the record needs. */
    record Pending(long id, String eventId, String topic, String key, String type, String payload,
            String traceparent, Instant createdAt, int attempts) {
    }

    /**
     * One pass: claims, publishes and marks a batch. Returns how many were published. Plain JDBC in the pass's
     * transaction: the rows are read once and marked with one statement, whatever the batch size.
     */
    public int relayOnce() {
        return QuarkusTransaction.requiringNew().timeout((int) config.ackTimeout().toSeconds() + 30).call(() -> {
            try (Connection connection = dataSource.getConnection()) {
                return relayOnce(connection);
            }
        });
    }

    private int relayOnce(Connection connection) throws SQLException {
        try (PreparedStatement lock = connection.prepareStatement("SELECT pg_try_advisory_xact_lock(?)")) {
            lock.setLong(1, RELAY_LOCK);
            try (ResultSet r = lock.executeQuery()) {
                if (!r.next() || !r.getBoolean(1)) {
                    return 0;
                }
            }
        }
        List<Pending> batch = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement("SELECT id, event_id, topic, message_key,"
                + " event_type, payload, traceparent, created_at, attempts FROM outbox_message"
                + " WHERE published_at IS NULL AND next_attempt_at <= now() ORDER BY id LIMIT ? FOR UPDATE SKIP LOCKED")) {
            select.setInt(1, config.batchSize());
            try (ResultSet r = select.executeQuery()) {
                while (r.next()) {
                    batch.add(new Pending(r.getLong(1), r.getString(2), r.getString(3), r.getString(4), r.getString(5),
                            r.getString(6), r.getString(7), r.getObject(8, OffsetDateTime.class).toInstant(),
                            r.getInt(9)));
                }
            }
        }
        if (batch.size() < config.batchSize()) {
            // Everything due was claimed: the backlog is this batch plus what waits for a retry.
            try (PreparedStatement count = connection.prepareStatement(
                    "SELECT count(*) FROM outbox_message WHERE published_at IS NULL");
                 ResultSet r = count.executeQuery()) {
                r.next();
                backlog.set(r.getLong(1));
            }
        } else {
            backlog.accumulateAndGet(batch.size(), Math::max);
        }
        if (batch.isEmpty()) {
            return 0;
        }
        List<CompletableFuture<Void>> acks = new ArrayList<>(batch.size());
        for (Pending message : batch) {
            acks.add(send(message));
        }
        List<Long> acknowledged = new ArrayList<>(batch.size());
        List<Pending> failed = new ArrayList<>();
        for (int i = 0; i < batch.size(); i++) {
            try {
                acks.get(i).get(config.ackTimeout().toMillis(), TimeUnit.MILLISECONDS);
                acknowledged.add(batch.get(i).id());
            } catch (Exception e) {
                failed.add(batch.get(i));
            }
        }
        Instant now = Instant.now();
        if (!acknowledged.isEmpty()) {
            try (PreparedStatement mark = connection.prepareStatement(
                    "UPDATE outbox_message SET published_at = ? WHERE id = ANY (?)")) {
                mark.setObject(1, now.atOffset(ZoneOffset.UTC));
                mark.setArray(2, connection.createArrayOf("bigint", acknowledged.toArray()));
                mark.executeUpdate();
            }
        }
        if (!failed.isEmpty()) {
            try (PreparedStatement retry = connection.prepareStatement(
                    "UPDATE outbox_message SET attempts = ?, next_attempt_at = ? WHERE id = ?")) {
                for (Pending message : failed) {
                    retry.setInt(1, message.attempts() + 1);
                    retry.setObject(2, now.plus(backoff(message.attempts() + 1)).atOffset(ZoneOffset.UTC));
                    retry.setLong(3, message.id());
                    retry.addBatch();
                }
                retry.executeBatch();
            }
            LOG.warnf("outbox: %d of %d messages not acknowledged, retrying later", failed.size(), batch.size());
        }
        backlog.addAndGet(-acknowledged.size());
        return acknowledged.size();
    }

    private CompletableFuture<Void> send(Pending message) {
        RecordHeaders headers = new RecordHeaders();
        header(headers, CloudEventHeaders.SPEC_VERSION, CloudEventHeaders.SPEC_VERSION_VALUE);
        header(headers, CloudEventHeaders.ID, message.eventId());
        header(headers, CloudEventHeaders.TYPE, message.type());
        header(headers, CloudEventHeaders.SOURCE, config.source());
        header(headers, CloudEventHeaders.SUBJECT, message.key());
        header(headers, CloudEventHeaders.TIME, DateTimeFormatter.ISO_INSTANT.format(message.createdAt()));
        header(headers, CloudEventHeaders.CONTENT_TYPE, CloudEventHeaders.JSON);
        if (message.traceparent() != null) {
            header(headers, CloudEventHeaders.TRACEPARENT, message.traceparent());
        }
        CompletableFuture<Void> ack = new CompletableFuture<>();
        Message<String> record = Message.of(message.payload())
                .addMetadata(OutgoingKafkaRecordMetadata.<String>builder()
                        .withTopic(message.topic())
                        .withKey(message.key())
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
