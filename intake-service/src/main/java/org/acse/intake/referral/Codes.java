package org.acse.intake.referral;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.Locale;
import java.util.Set;
import org.acse.common.geo.Gazetteer;

/** The codes a referral refers to, checked against the gazetteer and ISO 3166; null is left to {@code @NotNull}. */
public final class Codes {
    private static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());

    /** An INSEE commune code of the gazetteer. */
    @Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.TYPE_USE})
    @Retention(RetentionPolicy.RUNTIME)
    @Constraint(validatedBy = Commune.Validator.class)
    public @interface Commune {
        String message() default "is not a known INSEE commune code";

        Class<?>[] groups() default {};

        Class<? extends Payload>[] payload() default {};

        class Validator implements ConstraintValidator<Commune, String> {
            @Override
            public boolean isValid(String value, ConstraintValidatorContext context) {
                return value == null || Gazetteer.france().commune(value).isPresent();
            }
        }
    }

    /** A department code of the gazetteer ({@code 06}, {@code 2A}, {@code 974}…). */
    @Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.TYPE_USE})
    @Retention(RetentionPolicy.RUNTIME)
    @Constraint(validatedBy = Department.Validator.class)
    public @interface Department {
        String message() default "is not a known department code";

        Class<?>[] groups() default {};

        Class<? extends Payload>[] payload() default {};

        class Validator implements ConstraintValidator<Department, String> {
            @Override
            public boolean isValid(String value, ConstraintValidatorContext context) {
                return value == null || Gazetteer.france().department(value).isPresent();
            }
        }
    }

    /** An ISO 3166-1 alpha-2 country code, in either case. */
    @Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.TYPE_USE})
    @Retention(RetentionPolicy.RUNTIME)
    @Constraint(validatedBy = Country.Validator.class)
    public @interface Country {
        String message() default "must be an ISO 3166-1 alpha-2 country code";

        Class<?>[] groups() default {};

        Class<? extends Payload>[] payload() default {};

        class Validator implements ConstraintValidator<Country, String> {
            @Override
            public boolean isValid(String value, ConstraintValidatorContext context) {
                return value == null || COUNTRIES.contains(value.toUpperCase(Locale.ROOT));
            }
        }
    }

    private Codes() {}
}
