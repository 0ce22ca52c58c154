package org.acse.web.coordinator;

import io.quarkus.qute.TemplateData;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jboss.resteasy.reactive.RestForm;

/**
 * The shelter form as posted and as shown again: turned into the body of placement's {@code POST} or
 * {@code PUT /api/v1/shelters}, and each of its {@code errors[].field} shown next to the form field it is about.
 */
@TemplateData
public class ShelterForm {
    public static final List<String> GENDERS = List.of("FEMALE", "MALE", "NON_BINARY");
    public static final List<String> SUPPORT =
            List.of("PSYCHOLOGICAL", "MEDICAL", "LEGAL", "FRENCH_LESSONS", "INTERPRETER", "SOCIAL", "CHILDCARE");
    /** The fields in the order of the page, for the summary of errors. */
    static final List<String> FIELDS = List.of(
            "code",
            "name",
            "communeCode",
            "address",
            "genders",
            "families",
            "maxChildren",
            "support",
            "languages",
            "units",
            "newUnits",
            "schemeCode");

    @RestForm
    public String code;

    @RestForm
    public String name;

    @RestForm
    public String communeCode;

    @RestForm
    public String address;

    @RestForm
    public List<String> genders;

    @RestForm
    public String families;

    @RestForm
    public String maxChildren;

    @RestForm
    public String wheelchairAccessible;

    @RestForm
    public List<String> support;

    @RestForm
    public String languages;

    @RestForm
    public String active;

    /** The existing units, in order: their ids and capacities. */
    @RestForm
    public List<String> unitId;

    @RestForm
    public List<String> unitCapacity;

    /** New units: capacities separated by commas. */
    @RestForm
    public String newUnits;

    @RestForm
    public String schemeCode;

    public final Map<String, String> errors = new LinkedHashMap<>();

    @TemplateData
    public record UnitRow(String id, String capacity, String status) {}

    /** What the unit rows show: status in words comes from the shelter read, kept by index. */
    public List<String> unitStatuses = List.of();

    public boolean has(String field) {
        return errors.containsKey(field);
    }

    public String error(String field) {
        return errors.get(field);
    }

    public List<Map.Entry<String, String>> errorList() {
        List<Map.Entry<String, String>> list = new ArrayList<>();
        for (String f : FIELDS) {
            if (errors.containsKey(f)) {
                list.add(Map.entry(f, errors.get(f)));
            }
        }
        return list;
    }

    public boolean checked(String listName, String code) {
        List<String> values = "genders".equals(listName) ? genders : support;
        return values != null && values.contains(code);
    }

    public boolean on(String flag) {
        return "on"
                .equals(
                        switch (flag) {
                            case "families" -> families;
                            case "wheelchairAccessible" -> wheelchairAccessible;
                            default -> active;
                        });
    }

    public String text(String value) {
        return value == null ? "" : value;
    }

    public List<UnitRow> units() {
        List<UnitRow> rows = new ArrayList<>();
        if (unitId != null) {
            for (int i = 0; i < unitId.size(); i++) {
                rows.add(new UnitRow(
                        unitId.get(i),
                        unitCapacity != null && i < unitCapacity.size() ? unitCapacity.get(i) : "",
                        i < unitStatuses.size() ? unitStatuses.get(i) : ""));
            }
        }
        return rows;
    }

    /** The API body; a number that cannot be read is an error here, the rest is placement's to judge. */
    Map<String, Object> body(CoordMsg coord) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("code", strip(code));
        body.put("name", strip(name));
        body.put("communeCode", strip(communeCode));
        body.put("address", strip(address));
        Map<String, Object> accepts = new LinkedHashMap<>();
        accepts.put("genders", genders == null ? List.of() : genders);
        accepts.put("families", on("families"));
        if (maxChildren != null && !maxChildren.isBlank()) {
            accepts.put("maxChildren", number("maxChildren", maxChildren, coord));
        }
        body.put("accepts", accepts);
        body.put("wheelchairAccessible", on("wheelchairAccessible"));
        body.put("support", support == null ? List.of() : support);
        body.put(
                "languages",
                languages == null || languages.isBlank()
                        ? List.of()
                        : Arrays.stream(languages.split("[,\\s]+"))
                                .filter(l -> !l.isBlank())
                                .map(l -> l.toLowerCase(Locale.ROOT))
                                .toList());
        body.put("active", on("active"));
        List<Map<String, Object>> units = new ArrayList<>();
        for (UnitRow row : units()) {
            Map<String, Object> unit = new LinkedHashMap<>();
            unit.put("id", row.id());
            unit.put("capacity", number("units", row.capacity(), coord));
            units.add(unit);
        }
        if (newUnits != null && !newUnits.isBlank()) {
            for (String capacity : newUnits.split("[,\\s]+")) {
                if (!capacity.isBlank()) {
                    units.add(Map.of("capacity", number("newUnits", capacity, coord)));
                }
            }
        }
        body.put("units", units);
        if (schemeCode != null && !schemeCode.isBlank()) {
            body.put("schemeCode", schemeCode.strip());
        }
        return body;
    }

    /** placement's {@code errors[].field} → the form field: {@code accepts.genders} → genders, {@code units[1].capacity} → units. */
    void apiError(String field, CoordMsg coord) {
        String key = field == null ? "" : field.replaceFirst("^accepts\\.", "").replaceFirst("[.\\[].*$", "");
        if (!FIELDS.contains(key)) {
            key = "code";
        }
        errors.putIfAbsent(key, coord.shelterFieldInvalid());
    }

    private Integer number(String field, String value, CoordMsg coord) {
        try {
            return Integer.valueOf(value.strip());
        } catch (NumberFormatException e) {
            errors.putIfAbsent(field, coord.shelterNumberInvalid());
            return null;
        }
    }

    private static String strip(String value) {
        return value == null ? null : value.strip();
    }
}
