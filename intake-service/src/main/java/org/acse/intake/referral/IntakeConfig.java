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

    Admission admission();

    interface Admission {
        /**
         * How many {@code POST /referrals} may be served at once; the next one is answered 503 with
         * {@code Retry-After} (ADR 18). As many as the database pool's connections: each submission holds one for its
         * transaction, and on two cores more at once only lengthen the wait.
         */
        @WithDefault("20")
        int maxInFlight();
    }

    interface Retention {
        /**
         * Personal data (identity, notes, withdrawal reason, fingerprint, profile, danger zones, exploitation, the
         * accepted shelter) is erased, and the location coarsened, this long after the referral is closed.
         */
        @WithDefault("P30D")
        Duration afterClosed();

        /**
         * An open referral whose status has not changed for this long (nothing fits, a coordinator never decided) is
         * withdrawn by the suite, which closes it.
         */
        @WithDefault("P30D")
        Duration closeInactiveAfter();

        /** How many referrals one run closes or erases at most; the next run goes on. */
        @WithDefault("500")
        int batchSize();

        /** How often the erasure job runs (read by its {@code @Scheduled}). */
        @WithDefault("1h")
        String every();
    }
}
