package org.acse.intake.referral;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.acse.common.events.Gender;
import org.acse.common.events.Urgency;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The body of {@code POST /api/v1/referrals} (product §7), read strictly (unknown fields, wrong types and unknown enum
 * values are refused) and then checked field by field by {@link ReferralValidator}. {@code preferredScheme}: the code
 * of a scheme of places the partner asks for (e.g. {@code DESTINY}), optional; placement-service treats it as a
 * preference, never a way around the danger zones.
 */
@Schema(description = "A referral of an adult person in danger (examples are fictitious).")
public record ReferralRequest(
        @Schema(required = true) Person person,
        @Schema(required = true) Gender gender,
        @Schema(description = "The birth date; `age` or a birth date is required.", examples = "1998-04-12")
        LocalDate birthDate,
        @Schema(description = "The age when the birth date is unknown; under 18 is refused (422).", minimum = "0",
                maximum = "120", examples = "27")
        Integer age,
        @Schema(description = "The children coming with the person.", maxItems = 20) List<Child> children,
        @Schema(description = "ISO 639 codes of the languages the person speaks.", maxItems = 20,
                examples = "[\"fr\", \"ro\"]")
        List<String> languages,
        Needs needs,
        @Schema(maxItems = 20) List<Exploitation> exploitation,
        @Schema(required = true, description = "Where the person must not be sent: at least one.", minItems = 1,
                maxItems = 20)
        List<DangerZone> dangerZones,
        @Schema(required = true) Location currentLocation,
        @Schema(required = true) Urgency urgency,
        @Schema(description = "How far from every danger zone (km); below the policy's 200 km, coordinators only.",
                minimum = "1", maximum = "20000", examples = "300")
        Integer minDistanceKm,
        @Schema(required = true) Consent consent,
        @Schema(description = "Free text for the coordination team: encrypted, shown with the identity only.",
                maxLength = 2000, examples = "Speaks a little French; prefers a female contact person.")
        String notes,
        @Schema(description = "The code of a scheme of places asked for (a preference, never a way around the"
                + " danger zones).", pattern = "[A-Za-z0-9][A-Za-z0-9_-]{1,15}", examples = "DESTINY")
        String preferredScheme) {

    /** The identity: encrypted at rest, never in an event, a log or a partner's answer. */
    @Schema(description = "The identity: encrypted at rest, never in an event or a partner's answer.")
    public record Person(
            @Schema(required = true, maxLength = 100, examples = "Jeanne") String firstName,
            @Schema(required = true, maxLength = 100, examples = "Exemple") String lastName,
            @Schema(examples = "1998-04-12") LocalDate birthDate,
            @Schema(description = "ISO 3166-1 alpha-2 country code.", examples = "RO") String nationality,
            @Schema(description = "Digits, an optional leading +.", examples = "+33199001234") String phone) {
    }

    public record Child(@Schema(required = true, minimum = "0", maximum = "17", examples = "6") Integer age) {
    }

    public record Needs(Boolean wheelchairAccess, Boolean psychologicalSupport, Boolean medicalCare,
            Boolean interpreter) {
    }

    @Schema(description = "Exactly one of: an INSEE commune code, a department code, or a point and a radius.")
    public record DangerZone(
            @Schema(description = "INSEE commune code.", examples = "93066") String communeCode,
            @Schema(examples = "93") String departmentCode,
            @Schema(minimum = "-90", maximum = "90") Double lat,
            @Schema(minimum = "-180", maximum = "180") Double lon,
            @Schema(description = "With lat and lon.", minimum = "0", exclusiveMinimum = true, maximum = "1000") Double radiusKm) {
    }

    public record Location(@Schema(required = true, description = "INSEE commune code.", examples = "13055")
            String communeCode) {
    }

    public record Consent(
            @Schema(required = true, description = "Must be true: the person agreed to their data being shared.",
                    examples = "true")
            Boolean dataSharing,
            @Schema(examples = "2026-11-30T09:30:00Z") Instant recordedAt) {
    }

    public enum Exploitation {
        SEXUAL, LABOUR, DOMESTIC_SERVITUDE, FORCED_BEGGING, FORCED_CRIMINALITY, ORGAN_REMOVAL, OTHER
    }
}
