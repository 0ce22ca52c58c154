package org.acse.notification.alert;

import io.quarkus.runtime.ShutdownDelayInitiatedEvent;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.operators.multi.processors.BroadcastProcessor;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.hibernate.Session;

/**
 * The live feed behind the SSE stream, on every instance (ADR 14): a change is announced on the PostgreSQL channel
 * {@value #CHANNEL} with the alert's (or the referral's) id only, which PostgreSQL delivers to every listening instance when (and only if)
 * the transaction commits; each instance loads the alert and gives it to its own subscribers, each of which only
 * receives what its viewer may see. A ping every 20 s keeps proxies from closing the stream.
 */
@ApplicationScoped
public class AlertFeed {
    static final String CHANNEL = "notification_alerts";

    static final String ALERT = "alert:";
    static final String REFERRAL = "referral:";

    /**
     * One item of the stream: {@code alert} (with the alert), {@code referral} (a referral's status, for its
     * organisation) or {@code ping}.
     */
    public record FeedEvent(String type, AlertView alert, ReferralChange referral) {}

    private final BroadcastProcessor<Object> processor = BroadcastProcessor.create();

    @Inject
    EntityManager entityManager;

    /** Given to every subscriber when this instance starts stopping: its streams end there. */
    private static final Object STOPPING = new Object();

    private volatile boolean stopping;

    /**
     * The alerts this viewer may see, until the token that opened the stream expires or this instance starts
     * stopping (an instance stopping opens no stream: it ends at once).
     */
    public Multi<FeedEvent> stream(Viewer viewer, Instant until) {
        if (stopping) {
            return Multi.createFrom().empty();
        }
        Multi<FeedEvent> changes = processor
                .filter(change -> change == STOPPING
                        || (change instanceof AlertView alert
                                ? viewer.canSee(alert)
                                : viewer.canSee((ReferralChange) change)))
                .map(change -> change == STOPPING
                        ? new FeedEvent("stopping", null, null)
                        : change instanceof AlertView alert
                                ? new FeedEvent("alert", alert, null)
                                : new FeedEvent("referral", null, (ReferralChange) change));
        Multi<FeedEvent> pings =
                Multi.createFrom().ticks().every(Duration.ofSeconds(20)).map(t -> new FeedEvent("ping", null, null));
        Duration left = Duration.between(Instant.now(), until);
        return Multi.createBy()
                .merging()
                .streams(changes, pings)
                .select()
                .first(left.isNegative() ? Duration.ZERO : left)
                .select()
                .first(event -> !"stopping".equals(event.type()));
    }

    /**
     * SIGTERM: readiness is down, and the open streams end now, so that their pages open them again on another
     * replica, and the wait for requests in flight is not spent on streams that never finish by themselves.
     */
    void onStopping(@Observes ShutdownDelayInitiatedEvent event) {
        stopping = true;
        synchronized (processor) {
            processor.onNext(STOPPING);
        }
    }

    /** Tells every instance about these alerts once the current transaction commits (nothing if it rolls back). */
    public void publishAfterCommit(List<AlertView> alerts) {
        notify(alerts.stream().map(a -> ALERT + a.id()).toList());
    }

    /** Tells every instance that this referral's status changed, once the current transaction commits. */
    public void referralChangedAfterCommit(UUID referralId) {
        notify(List.of(REFERRAL + referralId));
    }

    private void notify(List<String> payloads) {
        if (payloads.isEmpty()) {
            return;
        }
        entityManager.unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement notify = connection.prepareStatement("select pg_notify(?, ?)")) {
                for (String payload : payloads) {
                    notify.setString(1, CHANNEL);
                    notify.setString(2, payload);
                    notify.execute();
                }
            }
        });
    }

    /**
     * Every alert and referral status changed since {@code since}, read as they are now and given to this instance's
     * subscribers: what was announced while this instance was not listening (ADR 14). A subscriber may get a change
     * twice; a change is a state, not a delta. Returns how many were given.
     */
    @Transactional
    int replayChangedSince(Instant since) {
        List<Object> changes = new ArrayList<>();
        Alert.<Alert>list("updatedAt >= ?1 order by updatedAt", since).forEach(a -> changes.add(AlertView.of(a)));
        ReferralOrigin.<ReferralOrigin>list("updatedAt >= ?1 order by updatedAt", since)
                .forEach(o -> changes.add(ReferralChange.of(o)));
        synchronized (processor) {
            changes.forEach(processor::onNext);
        }
        return changes.size();
    }

    /**
     * What some instance announced ({@code alert:<id>} or {@code referral:<id>}): read as it is now and given to this
     * instance's subscribers. False for a payload that is neither.
     */
    @Transactional
    boolean deliver(String payload) {
        Object change;
        try {
            if (payload.startsWith(ALERT)) {
                Alert alert = Alert.findById(UUID.fromString(payload.substring(ALERT.length())));
                change = alert == null ? null : AlertView.of(alert);
            } else if (payload.startsWith(REFERRAL)) {
                ReferralOrigin origin = ReferralOrigin.findById(UUID.fromString(payload.substring(REFERRAL.length())));
                change = origin == null ? null : ReferralChange.of(origin);
            } else {
                return false;
            }
        } catch (IllegalArgumentException e) {
            return false;
        }
        if (change != null) { // else gone already (retention)
            synchronized (processor) {
                processor.onNext(change);
            }
        }
        return true;
    }
}
