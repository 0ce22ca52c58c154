package org.acse.platform.inbox;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

@ConfigMapping(prefix = "acse.inbox")
public interface InboxConfig {
    /**
     * How long a consumer keeps retrying an event that fails for a reason other than its content (the database
     * restarting, a lock timeout) before the record goes to the dead-letter topic. Below the 60 s after which an
     * unacknowledged record marks the service unhealthy.
     */
    @WithDefault("45s")
    Duration retryFor();

    /** The first retry delay; it doubles up to 5 s. */
    @WithDefault("100ms")
    Duration initialBackoff();
}
