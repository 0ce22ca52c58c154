package org.acse.notification.channel;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import jakarta.validation.Validator;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Locale;
import org.acse.platform.problem.FieldError;
import org.acse.platform.validation.Violations;

/**
 * Checks a channel request by its constraints, the two of its own below included. The messages name the field and
 * never repeat the value. There is no rule across fields: a webhook saved without a secret gets one made.
 */
public final class ChannelValidation {
    static final int MAX_EMAILS = 20;

    public static List<FieldError> check(Validator fields, ChannelRequest request) {
        return Violations.of(fields.validate(request), ChannelRequest.class);
    }

    /** A Standard Webhooks secret: {@code whsec_} and the base64 of 24 to 64 random bytes. */
    @Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.TYPE_USE})
    @Retention(RetentionPolicy.RUNTIME)
    @Constraint(validatedBy = StandardSecret.Validator.class)
    public @interface StandardSecret {
        String message() default
                "must be whsec_ followed by the base64 of " + WebhookSecret.MIN_KEY_BYTES + " to "
                        + WebhookSecret.MAX_KEY_BYTES + " random bytes (Standard Webhooks); omit it to have one made";

        Class<?>[] groups() default {};

        Class<? extends Payload>[] payload() default {};

        class Validator implements ConstraintValidator<StandardSecret, String> {
            @Override
            public boolean isValid(String value, ConstraintValidatorContext context) {
                return value == null || WebhookSecret.acceptable(value);
            }
        }
    }

    /** An absolute http or https URL, without user info or fragment, of at most 2000 characters. */
    @Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.TYPE_USE})
    @Retention(RetentionPolicy.RUNTIME)
    @Constraint(validatedBy = WebUrl.Validator.class)
    public @interface WebUrl {
        String message() default "must be an absolute http or https URL";

        Class<?>[] groups() default {};

        Class<? extends Payload>[] payload() default {};

        class Validator implements ConstraintValidator<WebUrl, String> {
            @Override
            public boolean isValid(String value, ConstraintValidatorContext context) {
                return value == null || isWebUrl(value);
            }
        }
    }

    static boolean isWebUrl(String value) {
        if (value.length() > 2000) {
            return false;
        }
        try {
            URI uri = new URI(value);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            return (scheme.equals("https") || scheme.equals("http"))
                    && uri.getHost() != null
                    && uri.getUserInfo() == null
                    && uri.getFragment() == null;
        } catch (URISyntaxException e) {
            return false;
        }
    }

    private ChannelValidation() {}
}
