package org.acse.placement.shelter;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The body of {@code POST} and {@code PUT /api/v1/schemes}. */
public record SchemeRequest(
        @NotBlank
        @Pattern(regexp = SchemeRequest.CODE, message = SchemeRequest.CODE_MESSAGE)
        @Schema(examples = "DESTINY")
        String code,

        @NotBlank @Size(max = 200) @Schema(examples = "Destiny Sud-Est")
        String name,

        @Size(max = 2000) @Schema(examples = "Shelters of the south-east for women with children.")
        String description) {

    /** A scheme code: short, upper case, as partners name it in a referral's {@code preferredScheme}. */
    public static final String CODE = "[A-Z0-9][A-Z0-9_-]{1,15}";

    public static final String CODE_MESSAGE = "2 to 16 upper-case letters, digits, - and _";

    /** {@code PUT /api/v1/schemes/{id}/shelters}: the scheme's shelters, exactly these. */
    public record Shelters(@NotNull @Size(max = 1000) List<@NotNull UUID> shelterIds) {}
}
