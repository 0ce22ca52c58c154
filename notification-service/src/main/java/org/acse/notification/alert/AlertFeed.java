package org.acse.notification.alert;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.operators.multi.processors.BroadcastProcessor;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import org.acse.platform.tx.AfterCommit;

/**
 * The live feed behind the SSE stream: alerts are pushed after the transaction that changed them committed, and
 * each subscriber only receives what its viewer may see. A ping every 20 s keeps proxies from closing the stream.
 */
@ApplicationScoped
public class AlertFeed {
    /** One item of the stream: {@code alert} (with the alert) or {@code ping}. */
    public record FeedEvent(String type, AlertView alert) {}

    private final BroadcastProcessor<AlertView> processor = BroadcastProcessor.create();

    @Inject
    AfterCommit afterCommit;

    public Multi<FeedEvent> stream(Viewer viewer) {
        Multi<FeedEvent> alerts = processor.filter(viewer::canSee).map(a -> new FeedEvent("alert", a));
        Multi<FeedEvent> pings =
                Multi.createFrom().ticks().every(Duration.ofSeconds(20)).map(t -> new FeedEvent("ping", null));
        return Multi.createBy().merging().streams(alerts, pings);
    }

    /** Publishes these alerts once the current transaction commits (nothing if it rolls back). */
    public void publishAfterCommit(List<AlertView> alerts) {
        afterCommit.run(() -> {
            synchronized (processor) {
                alerts.forEach(processor::onNext);
            }
        });
    }
}
