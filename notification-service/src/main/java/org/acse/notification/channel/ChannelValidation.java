package org.acse.notification.channel;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.acse.platform.problem.FieldError;

/** Checks a channel request; the messages name the field and never repeat the value. */
public final class ChannelValidation {
    static final int MAX_EMAILS = 20;
    private static final Pattern EMAIL = Pattern.compile("^[A-Za-z0-9._%+'-]+@[A-Za-z0-9-]+(\\.[A-Za-z0-9-]+)+$");

    public static List<FieldError> check(ChannelRequest request) {
        List<FieldError> errors = new ArrayList<>();
        List<String> emails = request.emails() == null ? List.of() : request.emails();
        if (emails.size() > MAX_EMAILS) {
            errors.add(new FieldError("emails", "at most " + MAX_EMAILS + " addresses"));
        }
        for (int i = 0; i < emails.size(); i++) {
            String e = emails.get(i);
            if (e == null || e.length() > 254 || !EMAIL.matcher(e).matches()) {
                errors.add(new FieldError("emails[" + i + "]", "must be an e-mail address"));
            }
        }
        if (request.webhookUrl() != null && !isWebUrl(request.webhookUrl())) {
            errors.add(new FieldError("webhookUrl", "must be an absolute http or https URL"));
        }
        if (request.webhookSecret() != null && !WebhookSecret.acceptable(request.webhookSecret())) {
            errors.add(new FieldError("webhookSecret", "must be whsec_ followed by the base64 of "
                    + WebhookSecret.MIN_KEY_BYTES + " to " + WebhookSecret.MAX_KEY_BYTES
                    + " random bytes (Standard Webhooks); omit it to have one made"));
        }
        return errors;
    }

    static boolean isWebUrl(String value) {
        if (value.length() > 2000) {
            return false;
        }
        try {
            URI uri = new URI(value);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            return (scheme.equals("https") || scheme.equals("http")) && uri.getHost() != null
                    && uri.getUserInfo() == null && uri.getFragment() == null;
        } catch (URISyntaxException e) {
            return false;
        }
    }

    private ChannelValidation() {
    }
}
