package org.acse.notification.channel;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.util.Set;

/** The one {@link WebhookAddresses} of the service: channels check at save time, deliveries at send time. */
public class WebhookAddressesProducer {
    @Produces
    @Singleton
    WebhookAddresses addresses(WebhookConfig config) {
        return new WebhookAddresses(config.allowedHosts().orElse(Set.of()));
    }
}
