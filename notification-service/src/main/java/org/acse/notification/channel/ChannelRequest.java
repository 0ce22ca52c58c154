package org.acse.notification.channel;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;

/**
 * The body of {@code PUT .../channels}, each field checked by its constraints; {@link ChannelValidation} adds the
 * rule across fields. The secret is write-only: omit it to keep the current one.
 */
public record ChannelRequest(
        @Size(max = ChannelValidation.MAX_EMAILS, message = "at most " + ChannelValidation.MAX_EMAILS + " addresses")
        List<@NotNull(message = EMAIL) @Size(max = 254, message = EMAIL)
                @Pattern(regexp = "^[A-Za-z0-9._%+'-]+@[A-Za-z0-9-]+(\\.[A-Za-z0-9-]+)+$", message = EMAIL) String> emails,
        @ChannelValidation.WebUrl String webhookUrl,
        @Size(min = ChannelValidation.MIN_SECRET_LENGTH, max = 256,
                message = "must be " + ChannelValidation.MIN_SECRET_LENGTH + " to 256 characters") String webhookSecret) {
    static final String EMAIL = "must be an e-mail address";
}
