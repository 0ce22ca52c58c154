package org.acse.platform.retention;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/**
 * How long every service keeps the traces of its messages (product §8, ADR 11): a published outbox row still holds
 * the event's payload (household, needs, coarse locations), a processed-event row only an event id.
 */
@ConfigMapping(prefix = "acse.retention.messages")
public interface MessageRetentionConfig {
    /** A published outbox row is deleted this long after the broker acknowledged it. */
    @WithDefault("P7D")
    Duration publishedAfter();

    /**
     * A processed-event row is deleted this long after its event was handled. Longer than the longest topic
     * retention (the dead-letter topics' 30 days), so that a record replayed from a topic is still recognised.
     */
    @WithDefault("P35D")
    Duration processedAfter();

    /** How often the job runs (read by its {@code @Scheduled}). */
    @WithDefault("1h")
    String every();
}
