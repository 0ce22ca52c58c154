package org.acse.notification.channel;

import java.util.List;

/**
 * The body of {@code PUT .../channels}. The secret ({@code whsec_…}) is write-only: omit it to keep the current one,
 * or to have one made for a first webhook.
 */
public record ChannelRequest(List<String> emails, String webhookUrl, String webhookSecret) {
}
