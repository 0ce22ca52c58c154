package org.acse.notification.channel;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;

/**
 * A channel setting as returned: whether a webhook secret is set, never the secret, except once: the answer to the
 * {@code PUT} that made one ({@code webhookSecret}), for the receiver to be configured with it.
 */
public record ChannelView(
        List<String> emails,
        String webhookUrl,
        boolean webhookSecretSet,
        @JsonInclude(JsonInclude.Include.NON_NULL) String webhookSecret,
        Instant updatedAt) {
    static final ChannelView NONE = new ChannelView(List.of(), null, false, null, null);

    static ChannelView of(ChannelSetting s) {
        return new ChannelView(s.emails, s.webhookUrl, s.hasWebhookSecret(), null, s.updatedAt);
    }

    static ChannelView withNewSecret(ChannelSetting s, String secret) {
        return new ChannelView(s.emails, s.webhookUrl, true, secret, s.updatedAt);
    }
}
