package org.acse.web.i18n;

import io.quarkus.qute.TemplateData;
import io.quarkus.qute.i18n.Localized;
import io.quarkus.qute.i18n.MessageBundles;
import java.text.Collator;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;
import org.acse.common.events.DeclineReason;
import org.acse.common.events.Gender;
import org.acse.common.events.Urgency;
import org.acse.web.api.Views;

/**
 * Every code the services answer with, in words of the person's language: statuses, urgencies, genders, needs,
 * exploitation, decline reasons, matching exclusions, languages and countries; times in Europe/Paris with the zone.
 * An unknown code (a service newer than this application) is shown as it is rather than hidden.
 */
@TemplateData
public final class Words {
    public static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    public static final List<String> REFERRAL_STATUSES =
            List.of("SUBMITTED", "SEARCHING", "PROPOSED", "ACCEPTED", "ARRIVED", "NO_MATCH", "NO_SHOW", "WITHDRAWN");
    public static final List<String> PLACEMENT_STATUSES =
            List.of("HELD", "ACCEPTED", "DECLINED", "EXPIRED", "CANCELLED", "ARRIVED", "NO_SHOW");
    public static final List<String> NEEDS =
            List.of("wheelchairAccess", "psychologicalSupport", "medicalCare", "interpreter");
    public static final List<String> EXPLOITATION = List.of(
            "SEXUAL", "LABOUR", "DOMESTIC_SERVITUDE", "FORCED_BEGGING", "FORCED_CRIMINALITY", "ORGAN_REMOVAL", "OTHER");
    public static final List<String> EXCLUSIONS = List.of(
            "SHELTER_INACTIVE",
            "ALREADY_DECLINED_OR_EXPIRED",
            "GENDER_NOT_ACCEPTED",
            "FAMILIES_NOT_ACCEPTED",
            "TOO_MANY_CHILDREN",
            "CHILD_AGE_NOT_ACCEPTED",
            "WHEELCHAIR_ACCESS_MISSING",
            "PSYCHOLOGICAL_SUPPORT_MISSING",
            "MEDICAL_CARE_MISSING",
            "NO_UNIT_LARGE_ENOUGH",
            "IN_DANGER_ZONE_DEPARTMENT",
            "TOO_CLOSE_TO_DANGER_ZONE",
            "NO_UNIT_AVAILABLE_IN_TIME");
    /** Languages offered on the referral form (ISO 639-1, or 639-3 where there is no two-letter code). */
    public static final List<String> LANGUAGES = List.of(
            "fr", "en", "ar", "am", "bg", "bn", "zh", "es", "fa", "ha", "hu", "ig", "it", "ku", "ln", "pcm", "pl", "ps",
            "pt", "ro", "ru", "sq", "so", "sw", "ta", "th", "ti", "tl", "tr", "uk", "ur", "vi", "wo", "yo");

    /** A choice in a form: the code sent to the service, the words shown. */
    @TemplateData
    public record Option(String code, String label) {}

    private final Locale locale;
    private final Msg msg;

    private Words(Locale locale) {
        this.locale = locale;
        this.msg = Lang.ENGLISH.equals(locale)
                ? MessageBundles.get(Msg.class, Localized.Literal.of("en"))
                : MessageBundles.get(Msg.class);
    }

    public static Words of(Locale locale) {
        return new Words(locale);
    }

    public Msg msg() {
        return msg;
    }

    public Locale locale() {
        return locale;
    }

    public String status(String code) {
        return code == null
                ? ""
                : switch (code) {
                    case "SUBMITTED" -> msg.statusSubmitted();
                    case "SEARCHING" -> msg.statusSearching();
                    case "PROPOSED" -> msg.statusProposed();
                    case "ACCEPTED" -> msg.statusAccepted();
                    case "ARRIVED" -> msg.statusArrived();
                    case "NO_MATCH" -> msg.statusNoMatch();
                    case "NO_SHOW" -> msg.statusNoShow();
                    case "WITHDRAWN" -> msg.statusWithdrawn();
                    default -> code;
                };
    }

    /** A coordinators' alert's kind. */
    public String alertKind(String code) {
        return code == null
                ? ""
                : switch (code) {
                    case "NO_SHOW" -> msg.kindNoShow();
                    case "POSSIBLE_DUPLICATE" -> msg.kindPossibleDuplicate();
                    case "NO_MATCH" -> msg.kindNoMatch();
                    default -> code;
                };
    }

    public String placementStatus(String code) {
        return code == null
                ? ""
                : switch (code) {
                    case "HELD" -> msg.placementHeld();
                    case "ACCEPTED" -> msg.placementAccepted();
                    case "DECLINED" -> msg.placementDeclined();
                    case "EXPIRED" -> msg.placementExpired();
                    case "CANCELLED" -> msg.placementCancelled();
                    case "ARRIVED" -> msg.placementArrived();
                    case "NO_SHOW" -> msg.placementNoShow();
                    default -> code;
                };
    }

    /** A shelter unit's status, as placement-service publishes it. */
    public String unitStatus(String code) {
        return code == null
                ? ""
                : switch (code) {
                    case "FREE" -> msg.unitFree();
                    case "HELD" -> msg.unitHeld();
                    case "OCCUPIED" -> msg.unitOccupied();
                    case "OUT_OF_SERVICE" -> msg.unitOutOfService();
                    default -> code;
                };
    }

    public String urgency(String code) {
        return code == null
                ? ""
                : switch (code) {
                    case "IMMEDIATE" -> msg.urgencyImmediate();
                    case "WITHIN_72H" -> msg.urgencyWithin72h();
                    case "WITHIN_7_DAYS" -> msg.urgencyWithin7Days();
                    default -> code;
                };
    }

    public String gender(String code) {
        return code == null
                ? ""
                : switch (code) {
                    case "FEMALE" -> msg.genderFemale();
                    case "MALE" -> msg.genderMale();
                    case "NON_BINARY" -> msg.genderNonBinary();
                    default -> code;
                };
    }

    public String need(String code) {
        return switch (code) {
            case "wheelchairAccess" -> msg.needWheelchairAccess();
            case "psychologicalSupport" -> msg.needPsychologicalSupport();
            case "medicalCare" -> msg.needMedicalCare();
            case "interpreter" -> msg.needInterpreter();
            default -> code;
        };
    }

    public String exploitation(String code) {
        return switch (code) {
            case "SEXUAL" -> msg.exploitationSexual();
            case "LABOUR" -> msg.exploitationLabour();
            case "DOMESTIC_SERVITUDE" -> msg.exploitationDomesticServitude();
            case "FORCED_BEGGING" -> msg.exploitationForcedBegging();
            case "FORCED_CRIMINALITY" -> msg.exploitationForcedCriminality();
            case "ORGAN_REMOVAL" -> msg.exploitationOrganRemoval();
            case "OTHER" -> msg.exploitationOther();
            default -> code;
        };
    }

    public String reason(String code) {
        return code == null
                ? ""
                : switch (code) {
                    case "NO_LONGER_AVAILABLE" -> msg.reasonNoLongerAvailable();
                    case "PROFILE_NOT_SUPPORTED" -> msg.reasonProfileNotSupported();
                    case "SAFETY_CONCERN" -> msg.reasonSafetyConcern();
                    case "STAFF_UNAVAILABLE" -> msg.reasonStaffUnavailable();
                    case "LANGUAGE_BARRIER" -> msg.reasonLanguageBarrier();
                    case "OTHER" -> msg.reasonOther();
                    default -> code;
                };
    }

    public String exclusion(String code) {
        return code == null
                ? ""
                : switch (code) {
                    case "SHELTER_INACTIVE" -> msg.exclusionShelterInactive();
                    case "ALREADY_DECLINED_OR_EXPIRED" -> msg.exclusionAlreadyDeclinedOrExpired();
                    case "GENDER_NOT_ACCEPTED" -> msg.exclusionGenderNotAccepted();
                    case "FAMILIES_NOT_ACCEPTED" -> msg.exclusionFamiliesNotAccepted();
                    case "TOO_MANY_CHILDREN" -> msg.exclusionTooManyChildren();
                    case "CHILD_AGE_NOT_ACCEPTED" -> msg.exclusionChildAgeNotAccepted();
                    case "WHEELCHAIR_ACCESS_MISSING" -> msg.exclusionWheelchairAccessMissing();
                    case "PSYCHOLOGICAL_SUPPORT_MISSING" -> msg.exclusionPsychologicalSupportMissing();
                    case "MEDICAL_CARE_MISSING" -> msg.exclusionMedicalCareMissing();
                    case "NO_UNIT_LARGE_ENOUGH" -> msg.exclusionNoUnitLargeEnough();
                    case "IN_DANGER_ZONE_DEPARTMENT" -> msg.exclusionInDangerZoneDepartment();
                    case "TOO_CLOSE_TO_DANGER_ZONE" -> msg.exclusionTooCloseToDangerZone();
                    case "NO_UNIT_AVAILABLE_IN_TIME" -> msg.exclusionNoUnitAvailableInTime();
                    default -> code;
                };
    }

    /** A language's name in the person's language, from its ISO 639 code. */
    public String language(String code) {
        if (code == null || code.isBlank()) {
            return "";
        }
        String name = Locale.forLanguageTag(code).getDisplayLanguage(locale);
        return name.isBlank() || name.equalsIgnoreCase(code) ? code : capitalise(name);
    }

    public String languages(List<String> codes) {
        return codes == null || codes.isEmpty()
                ? msg.none()
                : codes.stream().map(this::language).collect(Collectors.joining(", "));
    }

    /** A country's name from its ISO 3166-1 alpha-2 code. */
    public String country(String code) {
        if (code == null || code.isBlank()) {
            return "";
        }
        String name = new Locale("", code).getDisplayCountry(locale);
        return name.isBlank() || name.equalsIgnoreCase(code) ? code : name;
    }

    public String needs(Views.Needs needs) {
        if (needs == null) {
            return msg.none();
        }
        List<String> list = new ArrayList<>();
        if (needs.wheelchairAccess()) {
            list.add(need("wheelchairAccess"));
        }
        if (needs.psychologicalSupport()) {
            list.add(need("psychologicalSupport"));
        }
        if (needs.medicalCare()) {
            list.add(need("medicalCare"));
        }
        if (needs.interpreter()) {
            list.add(need("interpreter"));
        }
        return list.isEmpty() ? msg.none() : String.join(", ", list);
    }

    public String household(Views.Household h) {
        if (h == null) {
            return "";
        }
        String adult = gender(h.gender()) + ", " + msg.adultAge(h.adultAge());
        return h.childrenAges() == null || h.childrenAges().isEmpty()
                ? adult + ", " + msg.alone()
                : adult + ", "
                        + msg.withChildren(
                                h.childrenAges().stream().map(String::valueOf).collect(Collectors.joining(", ")));
    }

    /** A moment in Europe/Paris, with the zone said: "1 déc. 2026 à 10:15 (heure de Paris)". */
    public String dateTime(Instant at) {
        if (at == null) {
            return "";
        }
        return DateTimeFormatter.ofPattern(msg.dateTimePattern(), locale)
                        .withZone(PARIS)
                        .format(at) + " (" + msg.zoneName() + ")";
    }

    public String date(LocalDate day) {
        return day == null
                ? ""
                : DateTimeFormatter.ofPattern(msg.datePattern(), locale).format(day);
    }

    public List<Option> referralStatuses() {
        return REFERRAL_STATUSES.stream().map(c -> new Option(c, status(c))).toList();
    }

    public List<Option> urgencies() {
        return Arrays.stream(Urgency.values())
                .map(u -> new Option(u.name(), urgency(u.name())))
                .toList();
    }

    public List<Option> genders() {
        return Arrays.stream(Gender.values())
                .map(g -> new Option(g.name(), gender(g.name())))
                .toList();
    }

    public List<Option> reasons() {
        return Arrays.stream(DeclineReason.values())
                .map(r -> new Option(r.name(), reason(r.name())))
                .toList();
    }

    public List<Option> needOptions() {
        return NEEDS.stream().map(n -> new Option(n, need(n))).toList();
    }

    public List<Option> exploitationOptions() {
        return EXPLOITATION.stream().map(e -> new Option(e, exploitation(e))).toList();
    }

    public List<Option> languageOptions() {
        return sorted(LANGUAGES.stream().map(l -> new Option(l, language(l))).toList());
    }

    public List<Option> countryOptions() {
        return sorted(Arrays.stream(Locale.getISOCountries())
                .map(c -> new Option(c, country(c)))
                .toList());
    }

    public Optional<String> knownLanguage(String code) {
        return LANGUAGES.contains(code) ? Optional.of(code) : Optional.empty();
    }

    private List<Option> sorted(List<Option> options) {
        Collator collator = Collator.getInstance(locale);
        return options.stream()
                .sorted(Comparator.comparing(Option::label, collator))
                .toList();
    }

    private String capitalise(String s) {
        return s.substring(0, 1).toUpperCase(locale) + s.substring(1);
    }
}
