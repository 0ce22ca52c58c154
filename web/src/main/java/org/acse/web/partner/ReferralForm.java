package org.acse.web.partner;

import io.quarkus.qute.TemplateData;
import jakarta.ws.rs.core.MultivaluedMap;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.acse.web.api.Problem;
import org.acse.web.i18n.Msg;
import org.acse.web.i18n.Words;

/**
 * The referral form as the person filled it: kept as typed to show it again with the errors next to the fields,
 * turned into the body of intake's {@code POST /api/v1/referrals}, and each of intake's {@code errors[].field}
 * mapped back to the form field it is about. Intake decides what is valid; this only reads numbers and dates.
 */
@TemplateData
public final class ReferralForm {
    /** Form fields, in the order of the page (the error summary follows it). */
    public static final List<String> FIELDS = List.of(
            "firstName",
            "lastName",
            "birthDate",
            "age",
            "nationality",
            "phone",
            "gender",
            "children",
            "languages",
            "needs",
            "exploitation",
            "dangerZones",
            "currentCommune",
            "urgency",
            "consent",
            "consentAt",
            "notes");

    public final Map<String, String> values = new LinkedHashMap<>();
    public final Map<String, List<String>> choices = new LinkedHashMap<>();
    public final Map<String, String> errors = new LinkedHashMap<>();
    public String idempotencyKey;
    /** An error about the whole referral (a minor, a replayed key), shown above the form. */
    public String general;

    public static ReferralForm blank() {
        ReferralForm form = new ReferralForm();
        form.idempotencyKey = UUID.randomUUID().toString();
        form.values.put(
                "consentAt",
                LocalDateTime.now(Words.PARIS).withSecond(0).withNano(0).toString());
        return form;
    }

    public static ReferralForm read(MultivaluedMap<String, String> form) {
        ReferralForm f = new ReferralForm();
        for (String field : FIELDS) {
            String value = form.getFirst(field);
            f.values.put(field, value == null ? "" : value.trim());
        }
        for (String multi : List.of("languages", "needs", "exploitation")) {
            List<String> chosen = form.get(multi);
            f.choices.put(multi, chosen == null ? List.of() : List.copyOf(chosen));
        }
        String key = form.getFirst("idempotencyKey");
        f.idempotencyKey = key == null || key.isBlank() || key.length() > 200
                ? UUID.randomUUID().toString()
                : key;
        return f;
    }

    public String value(String field) {
        return values.getOrDefault(field, "");
    }

    public boolean chosen(String field, String code) {
        return choices.getOrDefault(field, List.of()).contains(code);
    }

    public boolean hasError(String field) {
        return errors.containsKey(field);
    }

    public String error(String field) {
        return errors.get(field);
    }

    public boolean hasErrors() {
        return !errors.isEmpty() || general != null;
    }

    /** The errors in the order of the page, for the summary at the top. */
    public List<Map.Entry<String, String>> errorList() {
        List<Map.Entry<String, String>> list = new ArrayList<>();
        for (String field : FIELDS) {
            if (errors.containsKey(field)) {
                list.add(Map.entry(field, errors.get(field)));
            }
        }
        return list;
    }

    /** The API body; numbers and dates that cannot be read are errors here, the rest is intake's to judge. */
    public Map<String, Object> toRequest(Msg msg) {
        Map<String, Object> person = new LinkedHashMap<>();
        person.put("firstName", value("firstName"));
        person.put("lastName", value("lastName"));
        LocalDate birthDate = date("birthDate", msg);
        if (birthDate != null) {
            person.put("birthDate", birthDate.toString());
        }
        putIfPresent(person, "nationality", value("nationality"));
        putIfPresent(person, "phone", value("phone"));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("person", person);
        putIfPresent(body, "gender", value("gender"));
        Integer age = number("age", value("age"), msg);
        if (age != null) {
            body.put("age", age);
        }
        List<Map<String, Object>> children = new ArrayList<>();
        for (String part : split(value("children"))) {
            Integer childAge = number("children", part, msg);
            if (childAge != null) {
                children.add(Map.of("age", childAge));
            }
        }
        body.put("children", children);
        body.put("languages", choices.getOrDefault("languages", List.of()));
        Map<String, Object> needs = new LinkedHashMap<>();
        for (String need : Words.NEEDS) {
            needs.put(need, chosen("needs", need));
        }
        body.put("needs", needs);
        body.put("exploitation", choices.getOrDefault("exploitation", List.of()));
        List<Map<String, Object>> zones = new ArrayList<>();
        for (String code : split(value("dangerZones"))) {
            String upper = code.toUpperCase(Locale.ROOT);
            zones.add(Map.of(upper.length() == 5 ? "communeCode" : "departmentCode", upper));
        }
        body.put("dangerZones", zones);
        body.put(
                "currentLocation", Map.of("communeCode", value("currentCommune").toUpperCase(Locale.ROOT)));
        putIfPresent(body, "urgency", value("urgency"));
        Map<String, Object> consent = new LinkedHashMap<>();
        consent.put("dataSharing", "true".equals(value("consent")));
        LocalDateTime consentAt = dateTime("consentAt", msg);
        if (consentAt != null) {
            consent.put("recordedAt", consentAt.atZone(Words.PARIS).toInstant().toString());
        }
        body.put("consent", consent);
        putIfPresent(body, "notes", value("notes"));
        return body;
    }

    /** Intake's refusal, field by field, next to the fields of this form. */
    public void refusedBy(Problem problem, Msg msg) {
        if (problem == null) {
            general = msg.refused();
            return;
        }
        switch (problem.slug()) {
            case "minor" -> {
                general = msg.errMinor();
                errors.put(values.get("birthDate").isEmpty() ? "age" : "birthDate", msg.errBirthDate());
                return;
            }
            case "idempotency-key-reused" -> {
                general = msg.errIdempotency();
                return;
            }
            default -> {}
        }
        for (Problem.FieldError error : problem.errors()) {
            String field = formField(error.field());
            if (field == null) {
                general = msg.refused();
            } else {
                errors.putIfAbsent(field, message(field, msg));
            }
        }
        if (errors.isEmpty() && general == null) {
            general = msg.refused();
        }
    }

    /** {@code person.firstName} → firstName, {@code dangerZones[0].communeCode} → dangerZones, … */
    static String formField(String apiField) {
        if (apiField == null) {
            return null;
        }
        String f = apiField.replaceAll("\\[\\d+]", "");
        return switch (f) {
            case "person", "person.firstName" -> "firstName";
            case "person.lastName" -> "lastName";
            case "person.birthDate", "birthDate" -> "birthDate";
            case "age" -> "age";
            case "person.nationality" -> "nationality";
            case "person.phone" -> "phone";
            case "gender" -> "gender";
            case "urgency" -> "urgency";
            case "notes" -> "notes";
            case "consent.recordedAt" -> "consentAt";
            default -> {
                for (String prefix : List.of("children", "languages", "needs", "exploitation", "dangerZones")) {
                    if (f.equals(prefix) || f.startsWith(prefix + ".")) {
                        yield prefix;
                    }
                }
                if (f.startsWith("currentLocation")) {
                    yield "currentCommune";
                }
                if (f.startsWith("consent")) {
                    yield "consent";
                }
                yield null;
            }
        };
    }

    static String message(String field, Msg msg) {
        return switch (field) {
            case "firstName", "lastName" -> msg.errName();
            case "birthDate", "age" -> msg.errBirthDate();
            case "nationality" -> msg.errNationality();
            case "phone" -> msg.errPhone();
            case "gender" -> msg.errGender();
            case "children" -> msg.errChildren();
            case "languages" -> msg.errLanguages();
            case "needs" -> msg.errNeeds();
            case "exploitation" -> msg.errExploitation();
            case "dangerZones" -> msg.errDangerZones();
            case "currentCommune" -> msg.errCurrentCommune();
            case "urgency" -> msg.errUrgency();
            case "consent", "consentAt" -> msg.errConsent();
            case "notes" -> msg.errNotes();
            default -> msg.errField();
        };
    }

    private Integer number(String field, String text, Msg msg) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return Integer.valueOf(text.trim());
        } catch (NumberFormatException e) {
            errors.putIfAbsent(field, msg.errNumber());
            return null;
        }
    }

    private LocalDate date(String field, Msg msg) {
        String text = value(field);
        if (text.isEmpty()) {
            return null;
        }
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            errors.putIfAbsent(field, msg.errDate());
            return null;
        }
    }

    private LocalDateTime dateTime(String field, Msg msg) {
        String text = value(field);
        if (text.isEmpty()) {
            return null;
        }
        try {
            return LocalDateTime.parse(text);
        } catch (DateTimeParseException e) {
            errors.putIfAbsent(field, msg.errDate());
            return null;
        }
    }

    private static List<String> split(String text) {
        List<String> parts = new ArrayList<>();
        for (String part : text.split("[,;\\s]+")) {
            if (!part.isBlank()) {
                parts.add(part.trim());
            }
        }
        return parts;
    }

    private static void putIfPresent(Map<String, Object> map, String key, String value) {
        if (value != null && !value.isBlank()) {
            map.put(key, value);
        }
    }
}
