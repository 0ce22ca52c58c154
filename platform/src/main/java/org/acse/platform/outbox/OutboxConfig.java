package org.acse.platform.outbox;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

@ConfigMapping(prefix = "acse.outbox")
public interface OutboxConfig {
    /** The CloudEvents {@code source} of every event this service publishes, e.g. {@code /acse/intake}. */
    String source();

    /** How many messages one relay pass publishes at most. */
    @WithDefault("500")
    int batchSize();

    /** The safety-net poll: the relay is woken after every commit, and also this often for what a crash left. */
    @WithDefault("1s")
    Duration pollInterval();

    /** Retry delays double from {@code initialBackoff} up to {@code maxBackoff}. */
    @WithDefault("500ms")
    Duration initialBackoff();

    @WithDefault("30s")
    Duration maxBackoff();

    /**
     * How long a pass waits for the broker to acknowledge its batch before retrying it later. Longer than the
     * producer's own window ({@code max.block.ms} + {@code delivery.timeout.ms} = 15 s): giving up earlier would
     * re-send a record the producer still delivers, a duplicate.
     */
    @WithDefault("30s")
    Duration ackTimeout();

    /** False disables the relay (used by tests that inspect the outbox itself). */
    @WithDefault("true")
    boolean relayEnabled();
}
