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
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.acse.platform.problem.FieldError;
import org.acse.platform.validation.Violations;

/**
 * Checks a channel request: its fields by their constraints, then the secret a webhook needs, which depends on
 * the stored setting. The messages name the field and never repeat the value.
 */
public final class ChannelValidation {
    static final int MAX_EMAILS = 20;
    static final int MIN_SECRET_LENGTH = 16;

    public static List<FieldError> check(Validator fields, ChannelRequest request, boolean secretAlreadySet) {
        List<FieldError> errors = new ArrayList<>(Violations.of(fields.validate(request), ChannelRequest.class));
        if (request.webhookUrl() != null && request.webhookSecret() == null && !secretAlreadySet) {
            errors.add(new FieldError("webhookSecret", "is required with a webhookUrl"));
        }
        return errors;
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
            return (scheme.equals("https") || scheme.equals("http")) && uri.getHost() != null
                    && uri.getUserInfo() == null && uri.getFragment() == null;
        } catch (URISyntaxException e) {
            return false;
        }
    }

    private ChannelValidation() {
    }
}
