package org.acse.notification.delivery;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

@ConfigMapping(prefix = "acse.delivery")
public interface DeliveryConfig {
    /** Attempts per delivery before it is marked FAILED and coordinators are told. */
    @WithDefault("6")
    int maxAttempts();

    /** Retry delays double from here up to {@link #maxBackoff()}. */
    @WithDefault("2s")
    Duration initialBackoff();

    @WithDefault("5m")
    Duration maxBackoff();

    /** The safety-net scan for due retries and deliveries a crash left behind. */
    @WithDefault("5s")
    Duration pollInterval();

    /** Timeout of one webhook call. */
    @WithDefault("5s")
    Duration requestTimeout();

    /** How long a claimed delivery is reserved for the worker that claimed it (other replicas skip it). */
    @WithDefault("2m")
    Duration lease();

    /** Parallel deliveries at most. */
    @WithDefault("8")
    int workers();
}
