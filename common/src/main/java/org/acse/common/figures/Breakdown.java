package org.acse.common.figures;

import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.Locale;
import java.util.Optional;
import org.acse.common.events.Urgency;
import org.acse.common.geo.Department;
import org.acse.common.geo.Gazetteer;

/**
 * How a figure's referrals are grouped: by the month of their submission (Paris time), by the region the person was
 * in when referred, or by urgency. Each group is named by a code: {@code 2026-11}, an INSEE region code, an urgency.
 */
public enum Breakdown {
    MONTH,
    REGION,
    URGENCY;

    public static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    /** A person's department that the gazetteer does not know (never expected): its own group, not a guess. */
    public static final String UNKNOWN_REGION = "?";

    public String parameter() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Breakdown> parse(String parameter) {
        for (Breakdown b : values()) {
            if (b.parameter().equals(parameter)) {
                return Optional.of(b);
            }
        }
        return Optional.empty();
    }

    public String groupOf(Instant submittedAt, String departmentCode, Urgency urgency) {
        return switch (this) {
            case MONTH -> monthOf(submittedAt).toString();
            case REGION -> regionOf(departmentCode);
            case URGENCY -> urgency.name();
        };
    }

    public static YearMonth monthOf(Instant at) {
        return YearMonth.from(at.atZone(PARIS));
    }

    public static String regionOf(String departmentCode) {
        return Optional.ofNullable(departmentCode)
                .flatMap(Gazetteer.france()::department)
                .map(Department::regionCode)
                .orElse(UNKNOWN_REGION);
    }

    /** INSEE codes: a commune's department is its first two characters, three overseas (97x). */
    public static String departmentOfCommune(String communeCode) {
        if (communeCode == null || communeCode.length() < 3) {
            return null;
        }
        return communeCode.substring(0, communeCode.startsWith("97") ? 3 : 2);
    }
}
