package org.acse.intake.referral;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.acse.common.events.Gender;
import org.acse.common.events.Urgency;

/**
 * The body of {@code POST /api/v1/referrals} (product §7), read strictly (unknown fields, wrong types and unknown enum
 * values are refused) and then checked field by field by {@link ReferralValidator}. {@code preferredScheme}: the code
 * of a scheme of places the partner asks for (e.g. {@code DESTINY}), optional; placement-service treats it as a
 * preference, never a way around the danger zones.
 */
public record ReferralRequest(
        Person person,
        Gender gender,
        LocalDate birthDate,
        Integer age,
        List<Child> children,
        List<String> languages,
        Needs needs,
        List<Exploitation> exploitation,
        List<DangerZone> dangerZones,
        Location currentLocation,
        Urgency urgency,
        Integer minDistanceKm,
        Consent consent,
        String notes,
        String preferredScheme) {

    /** The identity: encrypted at rest, never in an event, a log or a partner's answer. */
    public record Person(String firstName, String lastName, LocalDate birthDate, String nationality, String phone) {
    }

    public record Child(Integer age) {
    }

    public record Needs(Boolean wheelchairAccess, Boolean psychologicalSupport, Boolean medicalCare,
            Boolean interpreter) {
    }

    public record DangerZone(String communeCode, String departmentCode, Double lat, Double lon, Double radiusKm) {
    }

    public record Location(String communeCode) {
    }

    public record Consent(Boolean dataSharing, Instant recordedAt) {
    }

    public enum Exploitation {
        SEXUAL, LABOUR, DOMESTIC_SERVITUDE, FORCED_BEGGING, FORCED_CRIMINALITY, ORGAN_REMOVAL, OTHER
    }
}
