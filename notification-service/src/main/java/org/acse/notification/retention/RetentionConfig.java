package org.acse.notification.retention;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

@ConfigMapping(prefix = "acse.notification.retention")
public interface RetentionConfig {
    /** The alerts, deliveries and origin of a referral are deleted this long after it closed (arrived, withdrawn). */
    @WithDefault("P30D")
    Duration afterClosed();

    /** How often the job runs (read by its {@code @Scheduled}). */
    @WithDefault("1h")
    String every();
}
