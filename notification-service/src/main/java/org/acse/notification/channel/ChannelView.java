package org.acse.notification.channel;

import java.time.Instant;
import java.util.List;

/** A channel setting as returned: never the webhook secret, only whether one is set. */
public record ChannelView(List<String> emails, String webhookUrl, boolean webhookSecretSet, Instant updatedAt) {
    static final ChannelView NONE = new ChannelView(List.of(), null, false, null);

    static ChannelView of(ChannelSetting s) {
        return new ChannelView(s.emails, s.webhookUrl, s.webhookSecret != null, s.updatedAt);
    }
}
