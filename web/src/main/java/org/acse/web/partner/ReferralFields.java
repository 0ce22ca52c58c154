package org.acse.web.partner;

import jakarta.ws.rs.core.MultivaluedHashMap;
import jakarta.ws.rs.core.MultivaluedMap;
import java.util.List;
import org.jboss.resteasy.reactive.RestForm;

/**
 * The referral form's fields as posted, read from the form the CSRF filter already parsed (a raw body reader
 * would find the body consumed).
 */
public class ReferralFields {
    @RestForm
    public String firstName;

    @RestForm
    public String lastName;

    @RestForm
    public String birthDate;

    @RestForm
    public String age;

    @RestForm
    public String nationality;

    @RestForm
    public String phone;

    @RestForm
    public String gender;

    @RestForm
    public String children;

    @RestForm
    public List<String> languages;

    @RestForm
    public List<String> needs;

    @RestForm
    public List<String> exploitation;

    @RestForm
    public String dangerZones;

    @RestForm
    public String currentCommune;

    @RestForm
    public String urgency;

    @RestForm
    public String consent;

    @RestForm
    public String consentAt;

    @RestForm
    public String notes;

    @RestForm
    public String idempotencyKey;

    MultivaluedMap<String, String> asMap() {
        MultivaluedMap<String, String> map = new MultivaluedHashMap<>();
        put(map, "firstName", firstName);
        put(map, "lastName", lastName);
        put(map, "birthDate", birthDate);
        put(map, "age", age);
        put(map, "nationality", nationality);
        put(map, "phone", phone);
        put(map, "gender", gender);
        put(map, "children", children);
        put(map, "dangerZones", dangerZones);
        put(map, "currentCommune", currentCommune);
        put(map, "urgency", urgency);
        put(map, "consent", consent);
        put(map, "consentAt", consentAt);
        put(map, "notes", notes);
        put(map, "idempotencyKey", idempotencyKey);
        if (languages != null) {
            map.put("languages", List.copyOf(languages));
        }
        if (needs != null) {
            map.put("needs", List.copyOf(needs));
        }
        if (exploitation != null) {
            map.put("exploitation", List.copyOf(exploitation));
        }
        return map;
    }

    private static void put(MultivaluedMap<String, String> map, String key, String value) {
        if (value != null) {
            map.putSingle(key, value);
        }
    }
}
