package org.acse.placement.shelter;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.acse.common.events.Gender;
import org.acse.placement.matching.Support;
import org.acse.placement.matching.UnitStatus;
import org.acse.platform.validation.LanguageCode;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The body of {@code POST} and {@code PUT /api/v1/shelters} (product §7). {@code schemeCode}: the scheme of places the
 * shelter joins (on creation, or on an update while it is in no other scheme); absent on an update, the shelter's
 * scheme is unchanged: it leaves a scheme through {@code PUT /api/v1/schemes/{id}/shelters}.
 */
public record ShelterRequest(
        @NotBlank
        @Size(max = 32)
        @Pattern(regexp = "[A-Za-z0-9][A-Za-z0-9_-]*", message = "letters, digits, - and _ only")
        @Schema(examples = "lyon-les-tilleuls")
        String code,

        @NotBlank @Size(max = 200) @Schema(examples = "Maison des Tilleuls")
        String name,

        @NotBlank @Schema(description = "INSEE commune code.", examples = "69383")
        String communeCode,

        @NotBlank
        @Size(max = 500)
        @Schema(
                description = "Confidential: staff and coordinators only, audited.",
                examples = "12 rue des Exemples, 69003 Lyon")
        String address,

        @NotNull @Valid Accepts accepts,
        boolean wheelchairAccessible,
        List<@NotNull Support> support,

        @Schema(description = "ISO 639 codes.", examples = "[\"fr\", \"en\", \"ro\"]")
        List<@NotNull @LanguageCode String> languages,

        Boolean active,
        @NotEmpty @Size(max = 500) List<@NotNull @Valid UnitRequest> units,

        @Pattern(regexp = SchemeRequest.CODE, message = SchemeRequest.CODE_MESSAGE) @Schema(examples = "DESTINY")
        String schemeCode) {

    @Schema(name = "ShelterAccepts", description = "Who the shelter takes in.")
    public record Accepts(
            @NotEmpty List<@NotNull Gender> genders,
            boolean families,
            @Min(0) @Max(20) Integer maxChildren,
            @Min(0) @Max(17) Integer childMinAge,
            @Min(0) @Max(17) Integer childMaxAge) {}

    /**
     * {@code id} names an existing unit on update; a unit without one is new, and starts {@code FREE} from
     * {@code availableFrom} (now if absent) unless another {@code status} is given.
     */
    @Schema(name = "UnitRequest")
    public record UnitRequest(
            UUID id, @NotNull @Min(1) @Max(30) Integer capacity, UnitStatus status, Instant availableFrom) {}
}
