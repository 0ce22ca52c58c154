package org.acse.notification.channel;

import java.util.List;

/** The body of {@code PUT .../channels}. The secret is write-only: omit it to keep the current one. */
public record ChannelRequest(List<String> emails, String webhookUrl, String webhookSecret) {
}
