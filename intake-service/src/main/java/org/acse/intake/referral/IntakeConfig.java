package org.acse.intake.referral;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

@ConfigMapping(prefix = "acse.intake")
public interface IntakeConfig {
    /** The policy's minimum distance from every danger zone (product §5); only a coordinator may ask for less. */
    @WithDefault("200")
    int policyMinDistanceKm();

    /** How long an {@code Idempotency-Key} is remembered (product §7: at least 24 h). */
    @WithDefault("PT48H")
    Duration idempotencyKeyTtl();

    Retention retention();

    interface Retention {
        /** Identity, notes and withdrawal reason are erased this long after the referral is closed. */
        @WithDefault("P30D")
        Duration afterClosed();

        /** How often the erasure job runs (read by its {@code @Scheduled}). */
        @WithDefault("1h")
        String every();
    }
}
