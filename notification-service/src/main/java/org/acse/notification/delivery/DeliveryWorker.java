package org.acse.notification.delivery;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.scheduler.Scheduled;
import io.vertx.core.Vertx;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import org.acse.notification.channel.ChannelSetting;
import org.acse.platform.crypto.FieldCipher;
import org.acse.platform.logging.EventLog;
import org.acse.platform.tracing.Traceparent;
import org.acse.platform.tx.AfterCommit;
import org.eclipse.microprofile.context.ManagedExecutor;
import org.eclipse.microprofile.context.ThreadContext;
import org.hibernate.Session;
import org.jboss.logging.Logger;

/**
 * Sends what is due, outside any business transaction: woken after each commit that recorded deliveries, and by a
 * timer for retries and for what a crash left behind. A delivery is claimed with {@code FOR UPDATE SKIP LOCKED} and
 * leased (its next attempt pushed forward), so several replicas never send the same one at once.
 */
@ApplicationScoped
public class DeliveryWorker {
    private static final Logger LOG = Logger.getLogger(DeliveryWorker.class);
    private static final int CLAIM_BATCH = 20;

    @Inject
    AfterCommit afterCommit;

    @Inject
    DeliveryConfig config;

    @Inject
    EntityManager entityManager;

    @Inject
    WebhookSender webhooks;

    @Inject
    FieldCipher cipher;

    @Inject
    EmailSender emails;

    @Inject
    Event<DeliveryGaveUp> gaveUp;

    @Inject
    Vertx vertx;

    @Inject
    MeterRegistry meters;

    @Inject
    Tracer tracer;

    /**
     * At most {@code workers} deliveries at once, on Quarkus's worker pool: Quarkus owns the threads (and their
     * shutdown), this view only bounds how many this worker takes. Nothing of the waking caller's context (its
     * request, its finished transaction) travels to the delivery.
     */
    private ManagedExecutor executor;

    private volatile boolean stopping;

    private final Map<Delivery.Channel, Timer> deliveryTime = new EnumMap<>(Delivery.Channel.class);
    private final Map<Delivery.Channel, Counter> failures = new EnumMap<>(Delivery.Channel.class);

    @PostConstruct
    void init() {
        executor = ManagedExecutor.builder()
                .maxAsync(config.workers())
                .propagated(ThreadContext.NONE)
                .cleared(ThreadContext.ALL_REMAINING)
                .build();
        for (Delivery.Channel channel : Delivery.Channel.values()) {
            String tag = channel.name().toLowerCase(Locale.ROOT);
            deliveryTime.put(
                    channel,
                    Timer.builder("acse.alert.delivery")
                            .description(
                                    "From the alert's delivery being recorded (with the alert) to its successful sending")
                            .tag("channel", tag)
                            .publishPercentileHistogram()
                            .minimumExpectedValue(Duration.ofMillis(10))
                            .maximumExpectedValue(Duration.ofHours(6))
                            .register(meters));
            failures.put(
                    channel,
                    Counter.builder("acse.alert.delivery.failures")
                            .description("Failed delivery attempts (each one; retried until the last)")
                            .tag("channel", tag)
                            .register(meters));
        }
    }

    /** Lets the attempts under way finish (each is bounded by the request timeout); the rest stays leased. */
    void stop(@Observes ShutdownEvent event) {
        stopping = true;
        executor.shutdown();
        try {
            executor.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Called after a commit that recorded deliveries: returns at once. */
    public void wake() {
        if (stopping) {
            return; // the next start's scan picks the deliveries up
        }
        try {
            executor.execute(this::drain);
        } catch (RejectedExecutionException e) {
            // shutting down
        }
    }

    /** A retry due sooner than the next scan: a Vert.x timer, which only hands the scan to the executor. */
    private void wakeIn(Duration delay) {
        vertx.setTimer(delay.toMillis() + 10, id -> wake());
    }

    @Scheduled(every = "${acse.delivery.poll-interval}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void poll() {
        drain();
    }

    void drain() {
        if (stopping) {
            return;
        }
        try {
            List<Attempt> claimed;
            do {
                claimed = claim();
                for (Attempt attempt : claimed) {
                    executor.execute(() -> attempt(attempt));
                }
            } while (claimed.size() == CLAIM_BATCH && !stopping);
        } catch (RejectedExecutionException e) {
            // shutting down: what was claimed stays leased, then due again
        } catch (RuntimeException e) {
            LOG.warnf("delivery scan failed: %s", e.getClass().getSimpleName());
        }
    }

    /**
     * Claims what is due and reads what sending it needs, in one transaction: the claimed rows are leased (their
     * next attempt pushed forward), so another worker or replica skips them until the lease ends.
     */
    private List<Attempt> claim() {
        return QuarkusTransaction.requiringNew().call(() -> {
            // Plain JDBC on the transaction's connection: Hibernate 7 caches a native SELECT's plan under a key that
            // never matches again, so its cache grew with every scan (seen in a profile as hash-collision lookups).
            List<UUID> ids = entityManager.unwrap(Session.class).doReturningWork(connection -> {
                try (PreparedStatement claim = connection.prepareStatement(
                        "UPDATE delivery SET next_attempt_at = ? WHERE id IN (SELECT id FROM delivery"
                                + " WHERE status = 'PENDING' AND next_attempt_at <= now()"
                                + " ORDER BY next_attempt_at LIMIT ? FOR UPDATE SKIP LOCKED) RETURNING id")) {
                    claim.setObject(1, OffsetDateTime.ofInstant(Instant.now().plus(config.lease()), ZoneOffset.UTC));
                    claim.setInt(2, CLAIM_BATCH);
                    List<UUID> claimed = new ArrayList<>();
                    try (ResultSet rows = claim.executeQuery()) {
                        while (rows.next()) {
                            claimed.add(rows.getObject(1, UUID.class));
                        }
                    }
                    return claimed;
                }
            });
            if (ids.isEmpty()) {
                return List.of();
            }
            Map<ChannelSetting.Owner, Target> targets = new HashMap<>();
            List<Attempt> attempts = new ArrayList<>(ids.size());
            for (Delivery d : Delivery.<Delivery>list("id in ?1", ids)) {
                Target target = targets.computeIfAbsent(
                        new ChannelSetting.Owner(d.recipientType, d.recipientId),
                        owner -> ChannelSetting.of(owner.type(), owner.id())
                                .map(setting -> new Target(
                                        List.copyOf(setting.emails), setting.webhookUrl, setting.webhookSecret(cipher)))
                                .orElse(NO_TARGET));
                attempts.add(new Attempt(
                        d.id,
                        d.channel,
                        d.eventType,
                        d.payload,
                        d.createdAt,
                        d.traceparent,
                        target == NO_TARGET ? null : target));
            }
            return attempts;
        });
    }

    /** One attempt of one claimed delivery, then its outcome recorded. */
    void attempt(Attempt attempt) {
        try {
            // A child of the span that recorded the delivery (the consumer's): one trace from the POST to here.
            Span span = tracer.spanBuilder(
                            "alert delivery " + attempt.channel().name().toLowerCase(Locale.ROOT))
                    .setParent(Traceparent.parent(attempt.traceparent()).orElse(Context.root()))
                    .setSpanKind(SpanKind.CLIENT)
                    .setAttribute("acse.delivery.channel", attempt.channel().name())
                    .setAttribute("acse.event.type", attempt.eventType())
                    .startSpan();
            try (Scope ignored = span.makeCurrent()) {
                String error = send(attempt);
                if (error != null) {
                    span.setStatus(StatusCode.ERROR, error);
                }
                if (record(attempt.deliveryId(), error)) {
                    if (error == null) {
                        deliveryTime
                                .get(attempt.channel())
                                .record(Duration.between(attempt.createdAt(), Instant.now()));
                    } else {
                        failures.get(attempt.channel()).increment();
                    }
                }
            } finally {
                span.end();
            }
        } catch (RuntimeException e) {
            LOG.warnf(
                    "delivery %s attempt failed: %s",
                    attempt.deliveryId(), e.getClass().getSimpleName());
        }
    }

    private String send(Attempt a) {
        if (a.target() == null) {
            return "channel removed";
        }
        try {
            return switch (a.channel()) {
                case WEBHOOK ->
                    a.target().webhookUrl() == null || a.target().webhookSecret() == null
                            ? "webhook removed"
                            : webhooks.send(
                                    a.target().webhookUrl(),
                                    a.target().webhookSecret(),
                                    a.deliveryId(),
                                    a.eventType(),
                                    a.payload());
                case EMAIL ->
                    a.target().emails().isEmpty()
                            ? "e-mail removed"
                            : emails.send(a.target().emails(), a.eventType(), a.payload());
            };
        } catch (RuntimeException e) {
            return e.getClass().getSimpleName();
        }
    }

    /** Records the attempt's outcome; false if another worker had already settled the delivery. */
    private boolean record(UUID id, String error) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Delivery d = Delivery.findById(id);
            if (d == null || d.status != Delivery.Status.PENDING) {
                return false;
            }
            Instant now = Instant.now();
            d.attempts++;
            d.lastAttemptAt = now;
            if (error == null) {
                d.status = Delivery.Status.DELIVERED;
                d.deliveredAt = now;
                d.lastError = null;
                logAfterCommit("alert.delivered", d);
                return true;
            }
            d.lastError = error.length() > 200 ? error.substring(0, 200) : error;
            // an address refused now is refused on every retry: coordinators are told at once
            if (d.attempts >= config.maxAttempts() || error.startsWith(WebhookSender.REFUSED)) {
                d.status = Delivery.Status.FAILED;
                logAfterCommit("alert.failed", d);
                LOG.warnf(
                        "delivery %s (%s to %s) failed after %d attempts",
                        d.id, d.channel, d.recipientType, d.attempts);
                gaveUp.fire(new DeliveryGaveUp(
                        d.id, d.alertId, d.referralId, d.channel, d.recipientType, d.recipientId, d.attempts));
            } else {
                Duration backoff = new Backoff(config.initialBackoff(), config.maxBackoff()).after(d.attempts);
                d.nextAttemptAt = now.plus(backoff);
                if (backoff.compareTo(config.pollInterval()) < 0) {
                    // sooner than the next scan: wake up for it (the scan remains the safety net)
                    wakeIn(backoff);
                }
            }
            return true;
        });
    }

    /** Like the event lines of the outbox: written once the outcome is committed, ids and channel only. */
    private void logAfterCommit(String step, Delivery d) {
        UUID referralId = d.referralId;
        String traceparent = d.traceparent;
        String channel = d.channel.name();
        afterCommit.run(() -> EventLog.step(step, referralId, null, traceparent, channel));
    }

    record Target(List<String> emails, String webhookUrl, String webhookSecret) {}

    /** The recipient has no channel settings any more (a map cannot hold null). */
    private static final Target NO_TARGET = new Target(List.of(), null, null);

    record Attempt(
            UUID deliveryId,
            Delivery.Channel channel,
            String eventType,
            String payload,
            Instant createdAt,
            String traceparent,
            Target target) {}
}
