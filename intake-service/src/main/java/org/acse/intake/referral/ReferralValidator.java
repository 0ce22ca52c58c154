package org.acse.intake.referral;

import jakarta.validation.Validator;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.acse.platform.problem.FieldError;
import org.acse.platform.problem.ProblemException;
import org.acse.platform.validation.Violations;

/**
 * Checks a referral (product §7): each field by the constraints of {@link ReferralRequest}, then the rules across
 * fields here (the age from the birth dates, a minor refused with 422, the form of a danger zone, the policy's
 * distance, the consent's date). Messages never repeat the submitted value. Plain class: unit-testable without
 * Quarkus.
 */
public final class ReferralValidator {
    static final int ADULT_AGE = 18;
    /** Where a minor in danger must go instead (product §7: a minor is refused with 422 pointing to child protection). */
    static final String CHILD_PROTECTION = "This service shelters adults. A minor in danger must be referred to child"
            + " protection: the departmental child protection unit (CRIP) of the conseil départemental, or call 119"
            + " (Allô Enfance en Danger), and the police (17) in an emergency.";

    private final Validator fields;
    private final Clock clock;
    private final int policyMinDistanceKm;

    public ReferralValidator(Validator fields, Clock clock, int policyMinDistanceKm) {
        this.fields = fields;
        this.clock = clock;
        this.policyMinDistanceKm = policyMinDistanceKm;
    }

    /**
     * @return the adult's age in years
     * @throws ProblemException 422 for a minor, 400 listing every offending field otherwise
     */
    public int validate(ReferralRequest r, boolean callerIsCoordinator) {
        if (r == null) {
            throw ProblemException.invalid("body", "must be a JSON object");
        }
        List<FieldError> errors = new ArrayList<>(Violations.of(fields.validate(r), ReferralRequest.class));
        Integer age = age(r, errors);
        if (age != null && age < ADULT_AGE) {
            String field = r.age() != null ? "age" : r.birthDate() != null ? "birthDate" : "person.birthDate";
            throw new ProblemException(
                    422,
                    "minor",
                    "Minor: refer to child protection",
                    CHILD_PROTECTION,
                    List.of(new FieldError(field, "must be " + ADULT_AGE + " or over")));
        }
        if (r.children() != null) {
            for (int i = 0; i < r.children().size(); i++) {
                if (r.children().get(i) == null) {
                    errors.add(new FieldError("children[" + i + "].age", "is required"));
                }
            }
        }
        if (r.dangerZones() != null) {
            for (int i = 0; i < r.dangerZones().size(); i++) {
                dangerZone("dangerZones[" + i + "]", r.dangerZones().get(i), errors);
            }
        }
        if (r.minDistanceKm() != null
                && r.minDistanceKm() >= 1
                && r.minDistanceKm() < policyMinDistanceKm
                && !callerIsCoordinator) {
            errors.add(new FieldError(
                    "minDistanceKm",
                    "must be at least " + policyMinDistanceKm + "; only a coordinator may ask for less"));
        }
        // A day of tolerance: partners' clocks, and local time sent as UTC, must not block an emergency.
        if (r.consent() != null
                && r.consent().recordedAt() != null
                && r.consent().recordedAt().isAfter(Instant.now(clock).plus(Duration.ofDays(1)))) {
            errors.add(new FieldError("consent.recordedAt", "must not be in the future"));
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        return age;
    }

    /**
     * The age from {@code age}, else {@code birthDate}, else {@code person.birthDate}; the given ones must agree.
     * An age out of bounds is already an error of its field: no age then.
     */
    private Integer age(ReferralRequest r, List<FieldError> errors) {
        LocalDate today = LocalDate.now(clock.withZone(ZoneId.of("Europe/Paris")));
        LocalDate birthDate = r.birthDate();
        LocalDate personBirthDate = r.person() == null ? null : r.person().birthDate();
        if (birthDate != null && birthDate.isAfter(today)) {
            errors.add(new FieldError("birthDate", "must be in the past"));
            birthDate = null;
        }
        if (personBirthDate != null && personBirthDate.isAfter(today)) {
            errors.add(new FieldError("person.birthDate", "must be in the past"));
            personBirthDate = null;
        }
        if (birthDate != null && personBirthDate != null && !birthDate.equals(personBirthDate)) {
            errors.add(new FieldError("birthDate", "differs from person.birthDate"));
        }
        LocalDate known = birthDate != null ? birthDate : personBirthDate;
        Integer fromDate = known == null ? null : Period.between(known, today).getYears();
        if (r.age() != null) {
            if (r.age() < 0 || r.age() > ReferralRequest.Limits.MAX_AGE) {
                return null;
            }
            if (fromDate != null && !fromDate.equals(r.age())) {
                errors.add(new FieldError("age", "does not match the birth date"));
            }
            return r.age();
        }
        if (fromDate == null) {
            if (errors.stream().noneMatch(e -> e.field().endsWith("birthDate"))) {
                errors.add(new FieldError("age", "age or birthDate is required"));
            }
            return null;
        }
        if (fromDate > ReferralRequest.Limits.MAX_AGE) {
            errors.add(new FieldError(birthDate != null ? "birthDate" : "person.birthDate", "is too far in the past"));
            return null;
        }
        return fromDate;
    }

    /** Exactly one form; a point needs its three values (their ranges are constraints of their fields). */
    private static void dangerZone(String at, ReferralRequest.DangerZone z, List<FieldError> errors) {
        if (z == null) {
            return; // a constraint of the list
        }
        boolean point = z.lat() != null || z.lon() != null || z.radiusKm() != null;
        int forms = (z.communeCode() != null ? 1 : 0) + (z.departmentCode() != null ? 1 : 0) + (point ? 1 : 0);
        if (forms != 1) {
            errors.add(new FieldError(at, "give exactly one of communeCode, departmentCode, or lat, lon and radiusKm"));
        } else if (point) {
            if (z.lat() == null) {
                errors.add(new FieldError(at + ".lat", "is required"));
            }
            if (z.lon() == null) {
                errors.add(new FieldError(at + ".lon", "is required"));
            }
            if (z.radiusKm() == null) {
                errors.add(new FieldError(at + ".radiusKm", "is required with lat and lon"));
            }
        }
    }

    /** The policy's minimum distance, applied when a referral does not ask for more. */
    public int policyMinDistanceKm() {
        return policyMinDistanceKm;
    }
}
