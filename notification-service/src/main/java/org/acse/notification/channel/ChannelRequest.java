package org.acse.notification.channel;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The body of {@code PUT .../channels}, each field checked by its constraints. The secret ({@code whsec_…}) is
 * write-only: omit it to keep the current one, or to have one made for a first webhook.
 */
public record ChannelRequest(
        @Schema(examples = "[\"equipe@refuge-exemple.org\"]")
        @Size(max = ChannelValidation.MAX_EMAILS, message = "at most " + ChannelValidation.MAX_EMAILS + " addresses")
        List<
                        @NotNull(message = EMAIL) @Size(max = 254, message = EMAIL)
                        @Pattern(regexp = "^[A-Za-z0-9._%+'-]+@[A-Za-z0-9-]+(\\.[A-Za-z0-9-]+)+$", message = EMAIL)
                        String>
                emails,

        @Schema(
                description = "HTTPS; each call is signed with the secret (Standard Webhooks).",
                examples = "https://hooks.refuge-exemple.org/acse")
        @ChannelValidation.WebUrl
        String webhookUrl,

        @Schema(
                description = "Write-only, never returned: `whsec_` and the base64 of 24 to 64 random bytes; omit it"
                        + " to have one made.",
                writeOnly = true,
                examples = "whsec_cmVmdWdlLWV4ZW1wbGUtd2ViaG9vay1zZWNyZXQ=")
        @ChannelValidation.StandardSecret
        String webhookSecret) {
    static final String EMAIL = "must be an e-mail address";
}
