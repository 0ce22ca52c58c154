package org.acse.platform.outbox;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import jakarta.annotation.PostConstruct;
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
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;
import org.acse.common.events.CloudEventHeaders;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.eclipse.microprofile.context.ManagedExecutor;
import org.eclipse.microprofile.context.ThreadContext;
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
 *
 * <p>Passes run on Quarkus's worker pool, which owns the threads and their shutdown: woken after every commit that
 * wrote to the outbox (latency), and by a timer for what a crash or another replica left. Wake-ups that come during a
 * pass are coalesced into one more pass, so no commit waits for the timer.
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

    private final AtomicLong backlog = new AtomicLong();
    private final AtomicBoolean requested = new AtomicBoolean();
    private final AtomicBoolean passing = new AtomicBoolean();
    private volatile boolean stopping;
    private volatile CompletableFuture<Void> current = CompletableFuture.completedFuture(null);

    /** One pass at a time here (the advisory lock orders the replicas); the committer's context does not follow. */
    private ManagedExecutor executor;

    @PostConstruct
    void createExecutor() {
        executor = ManagedExecutor.builder()
                .maxAsync(1)
                .propagated(ThreadContext.NONE)
                .cleared(ThreadContext.ALL_REMAINING)
                .build();
    }

    void start(@Observes StartupEvent event) {
        Gauge.builder("acse.outbox.backlog", backlog, AtomicLong::get)
                .description("Outbox messages not yet acknowledged by the broker")
                .register(meters);
        wake(); // what the last run left
    }

    /** Lets a pass under way finish (up to 5 s: it may be waiting for the broker), then starts none. */
    void stop(@Observes ShutdownEvent event) {
        stopping = true;
        try {
            current.get(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            // the pass failed or is still waiting: its rows stay pending for the next start
        }
        executor.shutdown();
    }

    /** Called after a commit that wrote to the outbox: returns at once; a pass starts unless one is under way. */
    public void wake() {
        if (!config.relayEnabled() || stopping) {
            return;
        }
        requested.set(true);
        if (passing.compareAndSet(false, true)) {
            try {
                current = executor.runAsync(this::drain);
            } catch (RejectedExecutionException e) {
                passing.set(false); // shutting down
            }
        }
    }

    /**
     * The safety net: rows a crash left, retries that fell due, rows another replica could not take. Not before the
     * application runs: the Kafka emitter is wired during start-up.
     */
    @Scheduled(
            every = "${acse.outbox.poll-interval:1s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void poll() {
        wake();
    }

    /** Passes until nothing asked for another: a full batch, or a wake-up during the last pass. */
    private void drain() {
        try {
            while (!stopping && requested.getAndSet(false)) {
                if (pass() == config.batchSize()) {
                    requested.set(true);
                }
            }
        } finally {
            passing.set(false);
        }
        if (requested.get()) {
            wake(); // a wake-up that came between the last check and the release
        }
    }

    private int pass() {
        try {
            return relayOnce();
        } catch (RuntimeException e) {
            // Database or broker trouble: the rows stay pending and are retried; no payload is logged.
            LOG.warnf("outbox relay pass failed: %s", e.getClass().getSimpleName());
            return 0;
        }
    }

    /** A row claimed by a pass: only what the record needs. */
    record Pending(
            long id,
            String eventId,
            String topic,
            String key,
            String type,
            String payload,
            String traceparent,
            Instant createdAt,
            int attempts) {}

    /**
     * One pass: claims, publishes and marks a batch. Returns how many were published. Plain JDBC in the pass's
     * transaction: the rows are read once and marked with one statement, whatever the batch size.
     */
    public int relayOnce() {
        return QuarkusTransaction.requiringNew()
                .timeout((int) config.ackTimeout().toSeconds() + 30)
                .call(() -> {
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
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT id, event_id, topic, message_key,"
                        + " event_type, payload, traceparent, created_at, attempts FROM outbox_message"
                        + " WHERE published_at IS NULL AND next_attempt_at <= now() ORDER BY id LIMIT ? FOR UPDATE SKIP LOCKED")) {
            select.setInt(1, config.batchSize());
            try (ResultSet r = select.executeQuery()) {
                while (r.next()) {
                    batch.add(new Pending(
                            r.getLong(1),
                            r.getString(2),
                            r.getString(3),
                            r.getString(4),
                            r.getString(5),
                            r.getString(6),
                            r.getString(7),
                            r.getObject(8, OffsetDateTime.class).toInstant(),
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
            try (PreparedStatement mark =
                    connection.prepareStatement("UPDATE outbox_message SET published_at = ? WHERE id = ANY (?)")) {
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
