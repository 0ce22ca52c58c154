package org.acse.intake.referral;

import static org.acse.intake.referral.ReferralRequest.Limits.MAX_AGE;
import static org.acse.intake.referral.ReferralRequest.Limits.MAX_CHILD_AGE;
import static org.acse.intake.referral.ReferralRequest.Limits.MAX_DISTANCE_KM;
import static org.acse.intake.referral.ReferralRequest.Limits.MAX_LIST;
import static org.acse.intake.referral.ReferralRequest.Limits.MAX_NAME;
import static org.acse.intake.referral.ReferralRequest.Limits.MAX_NOTES;
import static org.acse.intake.referral.ReferralRequest.Limits.MAX_RADIUS_KM;
import static org.acse.intake.referral.ReferralRequest.Limits.REQUIRED;

import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.acse.common.events.Gender;
import org.acse.common.events.Urgency;
import org.acse.platform.validation.LanguageCode;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The body of {@code POST /api/v1/referrals} (product §7), read strictly (unknown fields, wrong types and unknown enum
 * values are refused), then checked field by field by the constraints below and across fields by
 * {@link ReferralValidator}. Messages say what is expected and never repeat the submitted value.
 * {@code preferredScheme}: the code of a scheme of places the partner asks for (e.g. {@code DESTINY}), optional;
 * placement-service treats it as a preference, never a way around the danger zones.
 */
@Schema(description = "A referral of an adult person in danger (examples are fictitious).")
public record ReferralRequest(
        @Schema(required = true) @NotNull(message = REQUIRED) @Valid
        Person person,

        @Schema(required = true) @NotNull(message = REQUIRED)
        Gender gender,

        @Schema(description = "The birth date; `age` or a birth date is required.", examples = "1998-04-12")
        LocalDate birthDate,

        @Schema(description = "The age when the birth date is unknown; under 18 is refused (422).", examples = "27")
        @Min(value = 0, message = "must be between 0 and " + MAX_AGE)
        @Max(value = MAX_AGE, message = "must be between 0 and " + MAX_AGE)
        Integer age,

        @Schema(description = "The children coming with the person.")
        @Size(max = MAX_LIST, message = "must have at most " + MAX_LIST + " items")
        List<@Valid Child> children,

        @Schema(description = "ISO 639 codes of the languages the person speaks.", examples = "[\"fr\", \"ro\"]")
        @Size(max = MAX_LIST, message = "must have at most " + MAX_LIST + " items")
        List<@NotNull(message = "must be an ISO 639 language code") @LanguageCode String> languages,

        Needs needs,

        @Size(max = MAX_LIST, message = "must have at most " + MAX_LIST + " items")
        List<@NotNull Exploitation> exploitation,

        @Schema(required = true, description = "Where the person must not be sent: at least one.")
        @NotEmpty(message = "at least one danger zone is required")
        @Size(max = MAX_LIST, message = "must have at most " + MAX_LIST + " items")
        List<@NotNull(message = "must be an object") @Valid DangerZone> dangerZones,

        @Schema(required = true) @NotNull(message = REQUIRED) @Valid
        Location currentLocation,

        @Schema(required = true) @NotNull(message = REQUIRED)
        Urgency urgency,

        @Schema(
                description = "How far from every danger zone (km); below the policy's 200 km, coordinators only.",
                examples = "300")
        @Min(value = 1, message = "must be between 1 and " + MAX_DISTANCE_KM)
        @Max(value = MAX_DISTANCE_KM, message = "must be between 1 and " + MAX_DISTANCE_KM)
        Integer minDistanceKm,

        @Schema(required = true) @NotNull(message = REQUIRED) @Valid
        Consent consent,

        @Schema(
                description = "Free text for the coordination team: encrypted, shown with the identity only.",
                examples = "Speaks a little French; prefers a female contact person.")
        @Size(max = MAX_NOTES, message = "must have at most " + MAX_NOTES + " characters")
        String notes,

        @Schema(
                description = "The code of a scheme of places asked for (a preference, never a way around the"
                        + " danger zones).",
                examples = "DESTINY")
        @Pattern(
                regexp = "[A-Za-z0-9][A-Za-z0-9_-]{1,15}",
                message = "must be a scheme code: 2 to 16 letters, digits, - or _")
        String preferredScheme) {

    /** The bounds of a referral, and the message of a missing field. */
    static final class Limits {
        static final String REQUIRED = "is required";
        static final int MAX_NOTES = 2_000;
        static final int MAX_NAME = 100;
        static final int MAX_LIST = 20;
        static final int MAX_CHILD_AGE = 17;
        static final int MAX_AGE = 120;
        static final int MAX_RADIUS_KM = 1_000;
        static final int MAX_DISTANCE_KM = 20_000;

        private Limits() {}
    }

    /** The identity: encrypted at rest, never in an event, a log or a partner's answer. */
    @Schema(description = "The identity: encrypted at rest, never in an event or a partner's answer.")
    public record Person(
            @Schema(required = true, examples = "Jeanne")
            @NotBlank(message = REQUIRED)
            @Size(max = MAX_NAME, message = "must have at most " + MAX_NAME + " characters")
            String firstName,

            @Schema(required = true, examples = "Exemple")
            @NotBlank(message = REQUIRED)
            @Size(max = MAX_NAME, message = "must have at most " + MAX_NAME + " characters")
            String lastName,

            @Schema(examples = "1998-04-12") LocalDate birthDate,

            @Schema(description = "ISO 3166-1 alpha-2 country code.", examples = "RO") @Codes.Country
            String nationality,

            @Schema(description = "Digits, an optional leading +.", examples = "+33199001234")
            @Pattern(
                    regexp = "\\+?[0-9][0-9 .()-]{5,24}",
                    message = "must be a phone number (digits, optional leading +)")
            String phone) {}

    public record Child(
            @Schema(required = true, examples = "6")
            @NotNull(message = REQUIRED)
            @Min(value = 0, message = "must be between 0 and " + MAX_CHILD_AGE)
            @Max(value = MAX_CHILD_AGE, message = "must be between 0 and " + MAX_CHILD_AGE)
            Integer age) {}

    public record Needs(
            Boolean wheelchairAccess, Boolean psychologicalSupport, Boolean medicalCare, Boolean interpreter) {}

    /** One of three forms (a commune, a department, or a point and a radius): {@link ReferralValidator} checks which. */
    @Schema(description = "Exactly one of: an INSEE commune code, a department code, or a point and a radius.")
    public record DangerZone(
            @Schema(description = "INSEE commune code.", examples = "93066") @Codes.Commune
            String communeCode,

            @Schema(examples = "93") @Codes.Department String departmentCode,

            @DecimalMin(value = "-90", message = "must be between -90 and 90")
            @DecimalMax(value = "90", message = "must be between -90 and 90")
            Double lat,

            @DecimalMin(value = "-180", message = "must be between -180 and 180")
            @DecimalMax(value = "180", message = "must be between -180 and 180")
            Double lon,

            @Schema(description = "With lat and lon.")
            @DecimalMin(value = "0", inclusive = false, message = "must be greater than 0 and at most " + MAX_RADIUS_KM)
            @DecimalMax(value = "" + MAX_RADIUS_KM, message = "must be greater than 0 and at most " + MAX_RADIUS_KM)
            Double radiusKm) {}

    public record Location(
            @Schema(required = true, description = "INSEE commune code.", examples = "13055")
            @NotNull(message = REQUIRED)
            @Codes.Commune
            String communeCode) {}

    public record Consent(
            @Schema(
                    required = true,
                    description = "Must be true: the person agreed to their data being shared.",
                    examples = "true")
            @NotNull(message = DATA_SHARING)
            @AssertTrue(message = DATA_SHARING)
            Boolean dataSharing,

            @Schema(examples = "2026-11-30T09:30:00Z") Instant recordedAt) {
        static final String DATA_SHARING = "must be true: the person must agree to data sharing";
    }

    public enum Exploitation {
        SEXUAL,
        LABOUR,
        DOMESTIC_SERVITUDE,
        FORCED_BEGGING,
        FORCED_CRIMINALITY,
        ORGAN_REMOVAL,
        OTHER
    }
}
