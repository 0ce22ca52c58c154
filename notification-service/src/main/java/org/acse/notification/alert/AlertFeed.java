package org.acse.notification.alert;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.operators.multi.processors.BroadcastProcessor;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.time.Duration;
import java.util.List;

/**
 * The live feed behind the SSE stream: alerts are pushed after the transaction that changed them committed, and
 * each subscriber only receives what its viewer may see. A ping every 20 s keeps proxies from closing the stream.
 */
@ApplicationScoped
public class AlertFeed {
    /** One item of the stream: {@code alert} (with the alert) or {@code ping}. */
    public record FeedEvent(String type, AlertView alert) {
    }

    private final BroadcastProcessor<AlertView> processor = BroadcastProcessor.create();

    @Inject
    TransactionSynchronizationRegistry transactions;

    public Multi<FeedEvent> stream(Viewer viewer) {
        Multi<FeedEvent> alerts = processor.filter(a -> viewer.canSee(a.shelterId()))
                .map(a -> new FeedEvent("alert", a));
        Multi<FeedEvent> pings = Multi.createFrom().ticks().every(Duration.ofSeconds(20))
                .map(t -> new FeedEvent("ping", null));
        return Multi.createBy().merging().streams(alerts, pings);
    }

    /** Publishes these alerts once the current transaction commits (nothing if it rolls back). */
    public void publishAfterCommit(List<AlertView> alerts) {
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
            }

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED) {
                    synchronized (processor) {
                        alerts.forEach(processor::onNext);
                    }
                }
            }
        });
    }
}
