package org.acse.notification.channel;

import io.smallrye.config.ConfigMapping;
import java.util.Optional;
import java.util.Set;

@ConfigMapping(prefix = "acse.webhook")
public interface WebhookConfig {
    /**
     * Hosts a webhook may point to whatever their address (loopback, private…): none in production; the local
     * receivers of tests and local runs in dev and test.
     */
    Optional<Set<String>> allowedHosts();
}
