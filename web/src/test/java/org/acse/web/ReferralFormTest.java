package org.acse.web;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.ws.rs.core.MultivaluedHashMap;
import java.lang.reflect.Proxy;
import java.util.List;
import java.util.Map;
import org.acse.web.api.Problem;
import org.acse.web.i18n.Msg;
import org.acse.web.partner.ReferralForm;
import org.junit.jupiter.api.Test;

/** The form as typed becomes intake's body; intake's field errors come back next to the right fields. */
class ReferralFormTest {
    /** Each text is its key: what the form chose to say is visible without the Qute runtime. */
    private static final Msg KEYS = (Msg) Proxy.newProxyInstance(
            Msg.class.getClassLoader(), new Class<?>[] {Msg.class}, (proxy, method, args) -> method.getName());

    @Test
    void theFormBecomesTheApiBody() {
        MultivaluedHashMap<String, String> fields = new MultivaluedHashMap<>();
        fields.putSingle("firstName", " Amara ");
        fields.putSingle("lastName", "Okafor");
        fields.putSingle("birthDate", "1996-03-14");
        fields.putSingle("gender", "FEMALE");
        fields.putSingle("children", "4, 7");
        fields.put("languages", List.of("en", "pcm"));
        fields.put("needs", List.of("psychologicalSupport"));
        fields.put("exploitation", List.of("SEXUAL"));
        fields.putSingle("dangerZones", "06088, 13 2a004");
        fields.putSingle("currentCommune", "06088");
        fields.putSingle("urgency", "IMMEDIATE");
        fields.putSingle("consent", "true");
        fields.putSingle("consentAt", "2026-12-01T10:30");
        fields.putSingle("idempotencyKey", "key-1");
        ReferralForm form = ReferralForm.read(fields);
        Map<String, Object> body = form.toRequest(KEYS);

        assertThat(form.hasErrors()).isFalse();
        assertThat(form.idempotencyKey).isEqualTo("key-1");
        assertThat(body.get("person"))
                .isEqualTo(Map.of("firstName", "Amara", "lastName", "Okafor", "birthDate", "1996-03-14"));
        assertThat(body.get("children")).isEqualTo(List.of(Map.of("age", 4), Map.of("age", 7)));
        assertThat(body.get("languages")).isEqualTo(List.of("en", "pcm"));
        assertThat(body.get("needs"))
                .isEqualTo(Map.of(
                        "wheelchairAccess",
                        false,
                        "psychologicalSupport",
                        true,
                        "medicalCare",
                        false,
                        "interpreter",
                        false));
        assertThat(body.get("dangerZones"))
                .isEqualTo(List.of(
                        Map.of("communeCode", "06088"),
                        Map.of("departmentCode", "13"),
                        Map.of("communeCode", "2A004")));
        assertThat(body.get("currentLocation")).isEqualTo(Map.of("communeCode", "06088"));
        // 10:30 in Paris in winter is 09:30 UTC
        assertThat(body.get("consent")).isEqualTo(Map.of("dataSharing", true, "recordedAt", "2026-12-01T09:30:00Z"));
        assertThat(body).doesNotContainKeys("age", "notes");
    }

    @Test
    void numbersThatCannotBeReadAreErrorsOfTheirField() {
        MultivaluedHashMap<String, String> fields = new MultivaluedHashMap<>();
        fields.putSingle("age", "thirty");
        fields.putSingle("children", "4, two");
        ReferralForm form = ReferralForm.read(fields);
        form.toRequest(KEYS);
        assertThat(form.errors).containsEntry("age", "errNumber").containsEntry("children", "errNumber");
    }

    @Test
    void intakesFieldErrorsLandNextToTheirFields() {
        ReferralForm form = ReferralForm.read(new MultivaluedHashMap<>());
        form.refusedBy(
                new Problem(
                        "urn:acse:problem:validation",
                        "Invalid request",
                        400,
                        "…",
                        List.of(
                                new Problem.FieldError("dangerZones[0].communeCode", "unknown commune"),
                                new Problem.FieldError("person.lastName", "required"),
                                new Problem.FieldError("currentLocation.communeCode", "unknown commune"),
                                new Problem.FieldError("consent.dataSharing", "must be true"),
                                new Problem.FieldError("languages[1]", "not ISO 639"))),
                KEYS);
        assertThat(form.errors).containsOnlyKeys("dangerZones", "lastName", "currentCommune", "consent", "languages");
        assertThat(form.error("dangerZones")).isEqualTo("errDangerZones");
        assertThat(form.errorList())
                .extracting(Map.Entry::getKey)
                .containsExactly("lastName", "languages", "dangerZones", "currentCommune", "consent");
        assertThat(form.general).isNull();
    }

    @Test
    void aMinorIsSaidAboveTheFormAndAtTheBirthDate() {
        ReferralForm form = ReferralForm.read(new MultivaluedHashMap<>(Map.of("birthDate", "2012-01-01")));
        form.refusedBy(new Problem("urn:acse:problem:minor", "Minor", 422, "child protection", List.of()), KEYS);
        assertThat(form.general).isEqualTo("errMinor");
        assertThat(form.errors).containsOnlyKeys("birthDate");
    }

    @Test
    void eachBlankFormHasItsOwnIdempotencyKey() {
        assertThat(ReferralForm.blank().idempotencyKey).isNotEqualTo(ReferralForm.blank().idempotencyKey);
    }
}
