package org.acse.platform.security;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** How long a verified bearer token is remembered (never past its own expiry), and how many at most. */
@ConfigMapping(prefix = "acse.token-cache")
public interface TokenCacheConfig {
    /** False checks every request's token in full. */
    @WithDefault("true")
    boolean enabled();

    @WithDefault("60s")
    Duration maxAge();

    @WithDefault("10000")
    int maxEntries();
}
