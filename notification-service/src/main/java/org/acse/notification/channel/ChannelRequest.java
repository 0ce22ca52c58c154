package org.acse.notification.channel;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The body of {@code PUT .../channels}. The secret is write-only: omit it to keep the current one. */
public record ChannelRequest(
        @Schema(examples = "[\"equipe@refuge-exemple.org\"]") List<String> emails,
        @Schema(description = "HTTPS; each call is signed with the secret.", examples = "https://hooks.refuge-exemple.org/acse")
        String webhookUrl,
        @Schema(description = "Write-only: never returned.", writeOnly = true, examples = "change-me-0123456789abcdef")
        String webhookSecret) {
}
