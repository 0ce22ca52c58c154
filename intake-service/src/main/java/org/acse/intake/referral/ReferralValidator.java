package org.acse.intake.referral;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.acse.common.Languages;
import java.util.Set;
import java.util.regex.Pattern;
import org.acse.common.geo.Gazetteer;
import org.acse.platform.problem.FieldError;
import org.acse.platform.problem.ProblemException;

/**
 * Checks a referral field by field (product §7). Messages say what is expected and never repeat the submitted value.
 * Plain class: unit-testable without Quarkus.
 */
public final class ReferralValidator {
    public static final int MAX_NOTES = 2_000;
    static final int MAX_NAME = 100;
    static final int MAX_LIST = 20;
    static final int ADULT_AGE = 18;
    static final int MAX_AGE = 120;
    static final double MAX_RADIUS_KM = 1_000;
    static final int MAX_DISTANCE_KM = 20_000;
    /** The shape of a scheme code (placement-service knows the schemes): 2 to 16 letters, digits, - and _. */
    private static final Pattern SCHEME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]{1,15}");
    private static final Pattern PHONE = Pattern.compile("\\+?[0-9][0-9 .()-]{5,24}");
    private static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());
    /** Where a minor in danger must go instead (product §7: a minor is refused with 422 pointing to child protection). */
    static final String CHILD_PROTECTION = "This service shelters adults. A minor in danger must be referred to child"
            + " protection: the departmental child protection unit (CRIP) of the conseil départemental, or call 119"
            + " (Allô Enfance en Danger), and the police (17) in an emergency.";

    private final Gazetteer gazetteer;
    private final Clock clock;
    private final int policyMinDistanceKm;

    public ReferralValidator(Gazetteer gazetteer, Clock clock, int policyMinDistanceKm) {
        this.gazetteer = gazetteer;
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
        List<FieldError> errors = new ArrayList<>();
        Integer age = age(r, errors);
        if (age != null && age < ADULT_AGE) {
            String field = r.age() != null ? "age" : r.birthDate() != null ? "birthDate" : "person.birthDate";
            throw new ProblemException(422, "minor", "Minor: refer to child protection", CHILD_PROTECTION,
                    List.of(new FieldError(field, "must be " + ADULT_AGE + " or over")));
        }
        person(r.person(), errors);
        if (r.gender() == null) {
            errors.add(new FieldError("gender", "is required"));
        }
        children(r.children(), errors);
        languages(r.languages(), errors);
        if (r.exploitation() != null) {
            if (r.exploitation().size() > MAX_LIST) {
                errors.add(new FieldError("exploitation", "must have at most " + MAX_LIST + " items"));
            }
            for (int i = 0; i < r.exploitation().size(); i++) {
                if (r.exploitation().get(i) == null) {
                    errors.add(new FieldError("exploitation[" + i + "]", "must not be null"));
                }
            }
        }
        dangerZones(r.dangerZones(), errors);
        if (r.currentLocation() == null) {
            errors.add(new FieldError("currentLocation", "is required"));
        } else {
            commune("currentLocation.communeCode", r.currentLocation().communeCode(), errors);
        }
        if (r.urgency() == null) {
            errors.add(new FieldError("urgency", "is required"));
        }
        minDistance(r.minDistanceKm(), callerIsCoordinator, errors);
        consent(r.consent(), errors);
        if (r.preferredScheme() != null && !SCHEME.matcher(r.preferredScheme()).matches()) {
            errors.add(new FieldError("preferredScheme", "must be a scheme code: 2 to 16 letters, digits, - or _"));
        }
        if (r.notes() != null && r.notes().length() > MAX_NOTES) {
            errors.add(new FieldError("notes", "must have at most " + MAX_NOTES + " characters"));
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        return age;
    }

    /** The age from {@code age}, else {@code birthDate}, else {@code person.birthDate}; the given ones must agree. */
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
            if (r.age() < 0 || r.age() > MAX_AGE) {
                errors.add(new FieldError("age", "must be between 0 and " + MAX_AGE));
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
        if (fromDate > MAX_AGE) {
            errors.add(new FieldError(birthDate != null ? "birthDate" : "person.birthDate", "is too far in the past"));
            return null;
        }
        return fromDate;
    }

    private static void person(ReferralRequest.Person p, List<FieldError> errors) {
        if (p == null) {
            errors.add(new FieldError("person", "is required"));
            return;
        }
        name("person.firstName", p.firstName(), errors);
        name("person.lastName", p.lastName(), errors);
        if (p.nationality() != null && !COUNTRIES.contains(p.nationality().toUpperCase(Locale.ROOT))) {
            errors.add(new FieldError("person.nationality", "must be an ISO 3166-1 alpha-2 country code"));
        }
        if (p.phone() != null && !PHONE.matcher(p.phone()).matches()) {
            errors.add(new FieldError("person.phone", "must be a phone number (digits, optional leading +)"));
        }
    }

    private static void name(String field, String value, List<FieldError> errors) {
        if (value == null || value.isBlank()) {
            errors.add(new FieldError(field, "is required"));
        } else if (value.length() > MAX_NAME) {
            errors.add(new FieldError(field, "must have at most " + MAX_NAME + " characters"));
        }
    }

    private static void children(List<ReferralRequest.Child> children, List<FieldError> errors) {
        if (children == null) {
            return;
        }
        if (children.size() > MAX_LIST) {
            errors.add(new FieldError("children", "must have at most " + MAX_LIST + " items"));
            return;
        }
        for (int i = 0; i < children.size(); i++) {
            ReferralRequest.Child child = children.get(i);
            if (child == null || child.age() == null) {
                errors.add(new FieldError("children[" + i + "].age", "is required"));
            } else if (child.age() < 0 || child.age() >= ADULT_AGE) {
                errors.add(new FieldError("children[" + i + "].age", "must be between 0 and 17"));
            }
        }
    }

    private static void languages(List<String> languages, List<FieldError> errors) {
        if (languages == null) {
            return;
        }
        if (languages.size() > MAX_LIST) {
            errors.add(new FieldError("languages", "must have at most " + MAX_LIST + " items"));
            return;
        }
        for (int i = 0; i < languages.size(); i++) {
            if (!Languages.isKnown(languages.get(i))) {
                errors.add(new FieldError("languages[" + i + "]", "must be an ISO 639 language code"));
            }
        }
    }

    private void dangerZones(List<ReferralRequest.DangerZone> zones, List<FieldError> errors) {
        if (zones == null || zones.isEmpty()) {
            errors.add(new FieldError("dangerZones", "at least one danger zone is required"));
            return;
        }
        if (zones.size() > MAX_LIST) {
            errors.add(new FieldError("dangerZones", "must have at most " + MAX_LIST + " items"));
            return;
        }
        for (int i = 0; i < zones.size(); i++) {
            String at = "dangerZones[" + i + "]";
            ReferralRequest.DangerZone z = zones.get(i);
            if (z == null) {
                errors.add(new FieldError(at, "must be an object"));
                continue;
            }
            boolean point = z.lat() != null || z.lon() != null || z.radiusKm() != null;
            int forms = (z.communeCode() != null ? 1 : 0) + (z.departmentCode() != null ? 1 : 0) + (point ? 1 : 0);
            if (forms != 1) {
                errors.add(new FieldError(at, "give exactly one of communeCode, departmentCode, or lat, lon and radiusKm"));
            } else if (z.communeCode() != null) {
                commune(at + ".communeCode", z.communeCode(), errors);
            } else if (z.departmentCode() != null) {
                if (gazetteer.department(z.departmentCode()).isEmpty()) {
                    errors.add(new FieldError(at + ".departmentCode", "is not a known department code"));
                }
            } else {
                range(at + ".lat", z.lat(), -90, 90, errors);
                range(at + ".lon", z.lon(), -180, 180, errors);
                if (z.radiusKm() == null) {
                    errors.add(new FieldError(at + ".radiusKm", "is required with lat and lon"));
                } else if (!(z.radiusKm() > 0) || z.radiusKm() > MAX_RADIUS_KM) {
                    errors.add(new FieldError(at + ".radiusKm", "must be greater than 0 and at most " + (int) MAX_RADIUS_KM));
                }
            }
        }
    }

    private static void range(String field, Double value, double min, double max, List<FieldError> errors) {
        if (value == null) {
            errors.add(new FieldError(field, "is required"));
        } else if (value.isNaN() || value < min || value > max) {
            errors.add(new FieldError(field, "must be between " + (int) min + " and " + (int) max));
        }
    }

    private void commune(String field, String code, List<FieldError> errors) {
        if (code == null) {
            errors.add(new FieldError(field, "is required"));
        } else if (gazetteer.commune(code).isEmpty()) {
            errors.add(new FieldError(field, "is not a known INSEE commune code"));
        }
    }

    private void minDistance(Integer km, boolean coordinator, List<FieldError> errors) {
        if (km == null) {
            return;
        }
        if (km < 1 || km > MAX_DISTANCE_KM) {
            errors.add(new FieldError("minDistanceKm", "must be between 1 and " + MAX_DISTANCE_KM));
        } else if (km < policyMinDistanceKm && !coordinator) {
            errors.add(new FieldError("minDistanceKm",
                    "must be at least " + policyMinDistanceKm + "; only a coordinator may ask for less"));
        }
    }

    private void consent(ReferralRequest.Consent consent, List<FieldError> errors) {
        if (consent == null) {
            errors.add(new FieldError("consent", "is required"));
            return;
        }
        if (!Boolean.TRUE.equals(consent.dataSharing())) {
            errors.add(new FieldError("consent.dataSharing", "must be true: the person must agree to data sharing"));
        }
        // A day of tolerance: partners' clocks, and local time sent as UTC, must not block an emergency.
        if (consent.recordedAt() != null && consent.recordedAt().isAfter(Instant.now(clock).plus(Duration.ofDays(1)))) {
            errors.add(new FieldError("consent.recordedAt", "must not be in the future"));
        }
    }

    /** The policy's minimum distance, applied when a referral does not ask for more. */
    public int policyMinDistanceKm() {
        return policyMinDistanceKm;
    }
}
