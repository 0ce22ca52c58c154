package org.acse.platform.validation;

import jakarta.validation.ConstraintViolation;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import org.acse.platform.problem.FieldError;

/**
 * The constraint violations of a request record as field errors, for a body checked by code rather than by the
 * framework: {@code emails[1]}, {@code person.firstName} (no Bean Validation node names), in the order of the
 * record's fields.
 */
public final class Violations {
    public static <T extends Record> List<FieldError> of(Set<ConstraintViolation<T>> violations, Class<T> type) {
        List<String> order =
                Arrays.stream(type.getRecordComponents()).map(c -> c.getName()).toList();
        Comparator<FieldError> byDeclaration = Comparator.comparingInt(e -> {
            String top = e.field().split("[.\\[]", 2)[0];
            return order.indexOf(top);
        });
        return violations.stream()
                .map(v -> new FieldError(v.getPropertyPath().toString().replaceAll("\\.?<[^>]*>", ""), v.getMessage()))
                .sorted(byDeclaration.thenComparing(FieldError::field))
                .toList();
    }

    private Violations() {}
}
