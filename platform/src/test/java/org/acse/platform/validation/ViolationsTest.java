package org.acse.platform.validation;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.validation.Valid;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.Arrays;
import java.util.List;
import org.acse.platform.problem.FieldError;
import org.hibernate.validator.messageinterpolation.ParameterMessageInterpolator;
import org.junit.jupiter.api.Test;

class ViolationsTest {
    private static final Validator FIELDS = Validation.byDefaultProvider()
            .configure()
            .messageInterpolator(new ParameterMessageInterpolator())
            .buildValidatorFactory()
            .getValidator();

    record Inner(@NotBlank(message = "is required") String name) {}

    record Request(
            @Size(max = 1, message = "too many") List<@NotNull(message = "is required") String> tags,
            @NotNull(message = "is required") @Valid Inner inner,
            @NotBlank(message = "is required") String code) {}

    @Test
    void fieldsAreNamedByTheirJsonPathInTheOrderOfTheRecord() {
        Request request = new Request(Arrays.asList("a", null), new Inner(" "), null);
        assertThat(Violations.of(FIELDS.validate(request), Request.class))
                .extracting(FieldError::field)
                .containsExactly("tags", "tags[1]", "inner.name", "code");
    }
}
