package org.acse.platform.retention;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;
import org.jboss.logging.Logger;

/**
 * Deletes, in every service, the outbox rows published long enough ago and the processed-event rows older than the
 * longest topic retention. Never an unpublished row. Safe on several replicas: two idempotent DELETEs.
 */
@ApplicationScoped
public class MessageRetention {
    private static final Logger LOG = Logger.getLogger(MessageRetention.class);

    @Inject
    EntityManager entityManager;

    @Inject
    MessageRetentionConfig config;

    @Scheduled(
            identity = "message-retention",
            every = "${acse.retention.messages.every:1h}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        run(Instant.now());
    }

    /** One run as if it were {@code now}. */
    @Transactional
    public Counts run(Instant now) {
        int outbox = entityManager
                .createNativeQuery(
                        "DELETE FROM outbox_message WHERE published_at IS NOT NULL AND published_at < :cutoff")
                .setParameter("cutoff", now.minus(config.publishedAfter()))
                .executeUpdate();
        int processed = entityManager
                .createNativeQuery("DELETE FROM processed_event WHERE processed_at < :cutoff")
                .setParameter("cutoff", now.minus(config.processedAfter()))
                .executeUpdate();
        if (outbox > 0 || processed > 0) {
            LOG.infof("retention: %d published outbox rows and %d processed-event rows deleted", outbox, processed);
        }
        return new Counts(outbox, processed);
    }

    public record Counts(int outboxRows, int processedEvents) {}
}
