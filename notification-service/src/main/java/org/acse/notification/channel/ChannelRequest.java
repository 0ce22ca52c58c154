package org.acse.notification.channel;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;

/**
 * The body of {@code PUT .../channels}, each field checked by its constraints. The secret ({@code whsec_…}) is
 * write-only: omit it to keep the current one, or to have one made for a first webhook.
 */
public record ChannelRequest(
        @Size(max = ChannelValidation.MAX_EMAILS, message = "at most " + ChannelValidation.MAX_EMAILS + " addresses")
        List<@NotNull(message = EMAIL) @Size(max = 254, message = EMAIL)
                @Pattern(regexp = "^[A-Za-z0-9._%+'-]+@[A-Za-z0-9-]+(\\.[A-Za-z0-9-]+)+$", message = EMAIL) String> emails,
        @ChannelValidation.WebUrl String webhookUrl,
        @ChannelValidation.StandardSecret String webhookSecret) {
    static final String EMAIL = "must be an e-mail address";
}
