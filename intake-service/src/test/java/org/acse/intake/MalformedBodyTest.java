package org.acse.intake;

import static org.acse.intake.ReferralFixtures.child;
import static org.acse.intake.ReferralFixtures.counts;
import static org.acse.intake.ReferralFixtures.json;
import static org.acse.intake.ReferralFixtures.validBody;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.acse.testsupport.Tokens;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Table-driven: every kind of unreadable body gets a 4xx problem (never a 5xx) with a stable type naming the field,
 * never echoes the submitted value, and writes nothing.
 */
@QuarkusTest
class MalformedBodyTest {
    private static final String SECRET = "Zebulon-Canary";

    @Inject
    DataSource dataSource;

    static Stream<Arguments> malformedBodies() {
        return Stream.of(
                row("truncated JSON", "{\"gender\": \"FEMALE\", ", 400, "malformed-body", "body"),
                row("not JSON at all", "gender=FEMALE", 400, "malformed-body", "body"),
                row("empty body", "", 400, "malformed-body", "body"),
                row("JSON null", "null", 400, "malformed-body", "body"),
                row("an array, not an object", "[" + json(validBody()) + "]", 400, "malformed-body", "body"),
                row("trailing garbage", json(validBody()) + " {}", 400, "malformed-body", "body"),
                row(
                        "duplicate field",
                        json(validBody()).replaceFirst("\\{", "{\"urgency\":\"IMMEDIATE\","),
                        400,
                        "malformed-body",
                        "body"),
                row("age as a string", with(b -> b.put("age", "31")), 400, "malformed-body", "age"),
                row("age with decimals", with(b -> b.put("age", 31.5)), 400, "malformed-body", "age"),
                row(
                        "children not an array",
                        with(b -> b.put("children", Map.of("age", 3))),
                        400,
                        "malformed-body",
                        "children"),
                row(
                        "child age as a string",
                        with(b -> b.put("children", List.of(Map.of("age", "three")))),
                        400,
                        "malformed-body",
                        "children[0].age"),
                row("unknown top-level field", with(b -> b.put("address", SECRET)), 400, "malformed-body", "address"),
                row(
                        "unknown identity field",
                        with(b -> child(b, "person").put("passportNumber", SECRET)),
                        400,
                        "malformed-body",
                        "person.passportNumber"),
                row("unknown gender", with(b -> b.put("gender", "F")), 400, "malformed-body", "gender"),
                row("lower-case urgency", with(b -> b.put("urgency", "immediate")), 400, "malformed-body", "urgency"),
                row(
                        "unknown exploitation",
                        with(b -> b.put("exploitation", List.of("SEXUAL", "THEFT"))),
                        400,
                        "malformed-body",
                        "exploitation[1]"),
                row(
                        "need as a string",
                        with(b -> child(b, "needs").put("wheelchairAccess", "yes")),
                        400,
                        "malformed-body",
                        "needs.wheelchairAccess"),
                row(
                        "consent as a number",
                        with(b -> child(b, "consent").put("dataSharing", 1)),
                        400,
                        "malformed-body",
                        "consent.dataSharing"),
                row(
                        "birth date in French format",
                        with(b -> child(b, "person").put("birthDate", "14/03/1996")),
                        400,
                        "malformed-body",
                        "person.birthDate"),
                row(
                        "impossible birth date",
                        with(b -> child(b, "person").put("birthDate", "1996-02-30")),
                        400,
                        "malformed-body",
                        "person.birthDate"),
                row(
                        "consent time not a date-time",
                        with(b -> child(b, "consent").put("recordedAt", "yesterday")),
                        400,
                        "malformed-body",
                        "consent.recordedAt"),
                row(
                        "first name as a number",
                        with(b -> child(b, "person").put("firstName", 42)),
                        400,
                        "malformed-body",
                        "person.firstName"),
                row("person as a string", with(b -> b.put("person", SECRET)), 400, "malformed-body", "person"),
                row(
                        "latitude as a string",
                        with(b -> b.put("dangerZones", List.of(Map.of("lat", "north", "lon", 7.0, "radiusKm", 5.0)))),
                        400,
                        "malformed-body",
                        "dangerZones[0].lat"),
                row(
                        "language not a string",
                        with(b -> b.put("languages", List.of(Map.of("code", "fr")))),
                        400,
                        "malformed-body",
                        "languages[0]"),
                row(
                        "danger zones as an object",
                        with(b -> b.put("dangerZones", Map.of("communeCode", "06088"))),
                        400,
                        "malformed-body",
                        "dangerZones"),
                row(
                        "over 64 KiB",
                        with(b -> b.put("notes", SECRET + "x".repeat(70_000))),
                        413,
                        "payload-too-large",
                        "body"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("malformedBodies")
    void refusedWithAProblemNamingTheField(String name, String body, int status, String type, String field) {
        Map<String, Long> before = counts(dataSource);
        ValidatableResponse response = RestAssured.given()
                .auth()
                .oauth2(Tokens.partner(Tokens.ORG_A))
                .contentType("application/json")
                .body(body)
                .post("/api/v1/referrals")
                .then()
                .statusCode(status)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:acse:problem:" + type))
                .body("title", not(equalTo(null)))
                .body("status", equalTo(status))
                .body("errors.field", hasItem(field));
        response.body(not(containsString(SECRET)));
        assertThat(counts(dataSource)).as("nothing persisted").isEqualTo(before);
    }

    @ParameterizedTest(name = "content type {0}")
    @MethodSource("contentTypes")
    void aBodyThatIsNotJsonIsRefusedWith415(String contentType) {
        Map<String, Long> before = counts(dataSource);
        RestAssured.given()
                .auth()
                .oauth2(Tokens.partner(Tokens.ORG_A))
                .contentType(contentType)
                .body(json(validBody()).getBytes(StandardCharsets.UTF_8))
                .post("/api/v1/referrals")
                .then()
                .statusCode(415)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:acse:problem:unsupported-media-type"));
        assertThat(counts(dataSource)).isEqualTo(before);
    }

    static Stream<String> contentTypes() {
        return Stream.of("text/plain", "application/octet-stream", "text/csv");
    }

    private static Arguments row(String name, String body, int status, String type, String field) {
        return Arguments.of(name, body, status, type, field);
    }

    private static String with(Consumer<Map<String, Object>> change) {
        Map<String, Object> body = validBody();
        change.accept(body);
        return json(body);
    }
}
