package org.acse.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.math.BigInteger;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Product §9: hostile input gets a 4xx problem, never a 5xx, and writes nothing. A corpus of several hundred requests
 * against every write endpoint of the three packaged services: malformed and truncated JSON, wrong types, nulls,
 * huge strings and arrays, 10 MB bodies, deep nesting, unicode edge cases, injection strings, unknown enum values,
 * invalid and overseas codes, negative and absurd numbers, wrong content types, malformed ids in the path.
 * Every table of every service is counted before and after; the services must still be ready afterwards.
 */
class HostileInputIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNodeFactory F = JsonNodeFactory.instance;
    /** A well-formed Standard Webhooks secret, so that each attack on a channel tests only its URL. */
    private static final String SECRET = "whsec_aG9zdGlsZS1pbnB1dC13ZWJob29rLXNlY3JldC0wMQ==";

    private static final HttpClient CLIENT =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    /** One hostile request; {@code body == null} means no body. */
    record Attack(
            String service, String method, String url, String contentType, byte[] body, String what, String token) {
        @Override
        public String toString() {
            return service + " " + method + " " + url.replaceFirst("http://127.0.0.1:\\d+", "") + " [" + what + "]";
        }
    }

    private static RunningSuite suite;
    private static String referralId;
    private static String shelterId;
    private static String unitId;
    private static String placementId;
    private static String alertId;

    @BeforeAll
    static void fixtures() {
        suite = RunningSuite.get();
        String code = "HOST" + UUID.randomUUID().toString().substring(0, 4).toUpperCase();
        JsonNode shelter = send(
                "POST",
                suite.placement.url() + "/api/v1/shelters",
                suite.identities.coordinator(),
                validShelter(code).toString());
        shelterId = shelter.path("id").asText();
        unitId = shelter.path("units").path(0).path("id").asText();
        referralId = send(
                        "POST",
                        suite.intake.url() + "/api/v1/referrals",
                        suite.identities.partner("org-nice"),
                        validReferral().toString())
                .path("id")
                .asText();
        // Let the fixture's own flow settle (proposal, alert) so that only the corpus could change the counts.
        placementId = awaitFirstId(suite.placement.url() + "/api/v1/placements?referralId=" + referralId);
        alertId = awaitFirstId(suite.notification.url() + "/api/v1/alerts?size=100");
        await().atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofSeconds(1))
                .until(() -> rowCounts().equals(rowCounts(Duration.ofMillis(1500))));
    }

    @Test
    void everyHostileRequestIsRefusedWithAProblemAndNothingIsWritten() throws Exception {
        List<Attack> corpus = corpus();
        assertThat(corpus).hasSizeGreaterThanOrEqualTo(200);
        Map<String, Long> before = rowCounts();
        List<String> wrong = new ArrayList<>();
        Map<String, Integer> perService = new LinkedHashMap<>();
        for (Attack attack : corpus) {
            perService.merge(attack.service(), 1, Integer::sum);
            HttpRequest.Builder b =
                    HttpRequest.newBuilder(URI.create(attack.url())).timeout(Duration.ofSeconds(30));
            if (attack.token() != null) {
                b.header("Authorization", "Bearer " + attack.token());
            }
            if (attack.contentType() != null) {
                b.header("Content-Type", attack.contentType());
            }
            b.method(
                    attack.method(),
                    attack.body() == null
                            ? HttpRequest.BodyPublishers.noBody()
                            : HttpRequest.BodyPublishers.ofByteArray(attack.body()));
            HttpResponse<String> r;
            try {
                r = CLIENT.send(b.build(), HttpResponse.BodyHandlers.ofString());
            } catch (IOException e) {
                // A server may close the connection on a 10 MB body once it has answered 413: not a 5xx.
                if (attack.body() != null && attack.body().length > 1_000_000) {
                    continue;
                }
                wrong.add(attack + " → connection error " + e);
                continue;
            }
            String type = r.headers().firstValue("Content-Type").orElse("");
            if (r.statusCode() < 400
                    || r.statusCode() >= 500
                    || !type.startsWith("application/problem+json")
                    || !r.body().contains("\"status\"")) {
                wrong.add(attack + " → " + r.statusCode() + " " + type + " "
                        + r.body().substring(0, Math.min(200, r.body().length())));
            }
        }
        Map<String, Long> after = rowCounts();
        for (var service : List.of(suite.intake, suite.placement, suite.notification)) {
            HttpResponse<String> ready = CLIENT.send(
                    HttpRequest.newBuilder(URI.create(service.managementUrl() + "/q/health/ready"))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(ready.statusCode())
                    .as(service.name() + " ready after the corpus")
                    .isEqualTo(200);
        }
        assertThat(wrong)
                .as("requests not answered with a 4xx problem (of %d: %s)", corpus.size(), perService)
                .isEmpty();
        assertThat(after).as("rows per table after the corpus").isEqualTo(before);
    }

    // ---------------------------------------------------------------------------------------------------------
    // The corpus

    static List<Attack> corpus() {
        List<Attack> all = new ArrayList<>();
        String partner = suite.identities.partner("org-nice");
        String coordinator = suite.identities.coordinator();
        String intake = suite.intake.url() + "/api/v1";
        String placement = suite.placement.url() + "/api/v1";
        String notification = suite.notification.url() + "/api/v1";

        // intake: POST /referrals — structural garbage, then field by field.
        structural(all, "intake", "POST", intake + "/referrals", partner, validReferral());
        referralFields(all, intake + "/referrals", partner);
        // intake: POST /referrals/{id}/withdraw — garbage bodies on a real referral, malformed ids.
        structural(
                all,
                "intake",
                "POST",
                intake + "/referrals/" + referralId + "/withdraw",
                partner,
                obj(Map.of("reason", F.textNode("PARTNER_REQUEST"))));
        badIds(all, "intake", "POST", intake + "/referrals/%s/withdraw", partner, "{\"reason\":\"x\"}");

        // placement: POST /shelters, PUT /shelters/{id}, availability, accept/decline/arrival.
        ObjectNode shelter = validShelter("HOSTILE1");
        structural(all, "placement", "POST", placement + "/shelters", coordinator, shelter);
        shelterFields(all, "POST", placement + "/shelters", coordinator);
        structural(all, "placement", "PUT", placement + "/shelters/" + shelterId, coordinator, shelter);
        shelterFields(all, "PUT", placement + "/shelters/" + shelterId, coordinator);
        badIds(all, "placement", "PUT", placement + "/shelters/%s", coordinator, shelter.toString());
        String availability = placement + "/shelters/" + shelterId + "/units/" + unitId + "/availability";
        structural(all, "placement", "PUT", availability, coordinator, obj(Map.of("status", F.textNode("OCCUPIED"))));
        for (JsonNode status : List.of(
                F.textNode("BROKEN"),
                F.textNode(""),
                F.numberNode(1),
                F.nullNode(),
                F.textNode("FREE' OR '1'='1"),
                F.textNode("<script>alert(1)</script>"),
                F.textNode("FREE\r\nX-Evil: 1"),
                F.textNode("ＦＲＥＥ"),
                F.arrayNode(),
                F.objectNode())) {
            add(
                    all,
                    "placement",
                    "PUT",
                    availability,
                    coordinator,
                    obj(Map.of("status", status, "availableFrom", F.textNode("2026-12-01T00:00:00Z")))
                            .toString(),
                    "status " + status);
        }
        for (String from : List.of(
                "yesterday",
                "2026-13-45T00:00:00Z",
                "2026-02-30T10:00:00Z",
                "0000-00-00",
                "<script>",
                "'; DELETE FROM unit;--",
                "\u0000")) {
            add(
                    all,
                    "placement",
                    "PUT",
                    availability,
                    coordinator,
                    obj(Map.of("status", F.textNode("FREE"), "availableFrom", F.textNode(from)))
                            .toString(),
                    "availableFrom " + from);
        }
        badIds(
                all,
                "placement",
                "PUT",
                placement + "/shelters/" + shelterId + "/units/%s/availability",
                coordinator,
                "{\"status\":\"FREE\"}");
        badIds(
                all,
                "placement",
                "PUT",
                placement + "/shelters/%s/units/" + unitId + "/availability",
                coordinator,
                "{\"status\":\"FREE\"}");
        for (String action : List.of("accept", "arrival")) {
            badIds(all, "placement", "POST", placement + "/placements/%s/" + action, coordinator, null);
        }
        String decline = placement + "/placements/" + placementId + "/decline";
        structural(all, "placement", "POST", decline, coordinator, obj(Map.of("reason", F.textNode("NO_PLACE"))));
        for (JsonNode reason : List.of(F.numberNode(42), F.arrayNode(), F.objectNode(), F.booleanNode(true))) {
            add(
                    all,
                    "placement",
                    "POST",
                    decline,
                    coordinator,
                    obj(Map.of("reason", reason)).toString(),
                    "decline reason " + reason);
        }
        badIds(all, "placement", "POST", placement + "/placements/%s/decline", coordinator, "{\"reason\":\"x\"}");

        // notification: PUT /shelters/{id}/channels, POST /alerts/{id}/ack.
        String channels = notification + "/shelters/" + shelterId + "/channels";
        structural(
                all,
                "notification",
                "PUT",
                channels,
                coordinator,
                obj(Map.of(
                        "emails",
                        F.arrayNode(),
                        "webhookUrl",
                        F.textNode("http://127.0.0.1:9/hook"),
                        "webhookSecret",
                        F.textNode(SECRET))));
        for (JsonNode url : List.of(
                F.textNode("javascript:alert(1)"),
                F.textNode("not a url"),
                F.textNode("ftp://example.org/x"),
                F.textNode("http://exa mple.org/"),
                F.textNode("file:///etc/passwd"),
                F.textNode("http://127.0.0.1:9/hook\r\nX-Evil: 1"),
                F.numberNode(42),
                F.arrayNode(),
                F.textNode("http://" + "a".repeat(5000) + ".org/"))) {
            add(
                    all,
                    "notification",
                    "PUT",
                    channels,
                    coordinator,
                    obj(Map.of("emails", F.arrayNode(), "webhookUrl", url, "webhookSecret", F.textNode(SECRET)))
                            .toString(),
                    "webhookUrl " + shorten(url));
        }
        for (String email : List.of(
                "not-an-email",
                "a@b@c",
                "<script>@x.org",
                "x@y.org\r\nBcc: evil@x.org",
                "'; DROP TABLE channel_setting;--@x.org",
                "",
                "\u0000@x.org",
                "a".repeat(5000) + "@x.org")) {
            add(
                    all,
                    "notification",
                    "PUT",
                    channels,
                    coordinator,
                    obj(Map.of("emails", F.arrayNode().add(email))).toString(),
                    "email " + shorten(F.textNode(email)));
        }
        for (JsonNode emails : List.of(
                F.textNode("a@b.org"),
                F.numberNode(1),
                F.arrayNode().add(42),
                F.arrayNode().addNull(),
                hugeArray("x@y.org", 6000))) {
            add(
                    all,
                    "notification",
                    "PUT",
                    channels,
                    coordinator,
                    obj(Map.of("emails", emails)).toString(),
                    "emails " + shorten(emails));
        }
        // notification-service does not own the shelter registry: a coordinator may set up the channels of any
        // well-formed shelter id before its first alert, so only ill-formed ids are hostile here.
        badIds(
                all,
                "notification",
                "PUT",
                notification + "/shelters/%s/channels",
                coordinator,
                "{\"emails\":[\"a@b.org\"]}",
                false);
        badIds(all, "notification", "POST", notification + "/alerts/%s/ack", coordinator, null);
        structural(
                all,
                "notification",
                "POST",
                notification + "/alerts/" + UUID.randomUUID() + "/ack",
                coordinator,
                obj(Map.of()));
        return all;
    }

    /** Garbage that is not the expected JSON at all; the same for every endpoint that takes a body. */
    static void structural(List<Attack> all, String service, String method, String url, String token, JsonNode valid) {
        String v = valid.toString();
        Map<String, String> bodies = new LinkedHashMap<>();
        bodies.put("empty body", "");
        bodies.put("truncated JSON", v.substring(0, v.length() / 2));
        bodies.put("only an opening brace", "{");
        bodies.put("JSON null", "null");
        bodies.put("JSON array", "[]");
        bodies.put("JSON number", "42");
        bodies.put("JSON string", "\"hello\"");
        bodies.put("JSON true", "true");
        bodies.put("broken braces", "{{{{]]]]");
        bodies.put("single quotes", v.replace('"', '\''));
        bodies.put("comments", "/* hi */" + v);
        bodies.put("NaN", "{\"x\":NaN}");
        bodies.put("unterminated string", "{\"a\":\"abc");
        bodies.put("deeply nested arrays", "[".repeat(20_000) + "]".repeat(20_000));
        bodies.put("deeply nested objects", "{\"a\":".repeat(5_000) + "1" + "}".repeat(5_000));
        bodies.put("lone surrogate escape", "{\"a\":\"\\ud800\"}");
        bodies.put("only an unknown field", "{\"unexpected\":true}");
        bodies.put("bad escape", "{\"a\":\"\\x41\"}");
        bodies.put("huge number", "{\"a\":" + "9".repeat(5000) + "}");
        bodies.put("1 MB body", "{\"a\":\"" + "x".repeat(1 << 20) + "\"}");
        bodies.put("10 MB body", "{\"a\":\"" + "x".repeat(10 << 20) + "\"}");
        for (var e : bodies.entrySet()) {
            add(all, service, method, url, token, e.getValue(), e.getKey());
        }
        all.add(new Attack(
                service,
                method,
                url,
                "application/json",
                new byte[] {'{', '"', 'a', '"', ':', '"', (byte) 0xC3, (byte) 0x28, '"', '}'},
                "invalid UTF-8",
                token));
        all.add(new Attack(
                service,
                method,
                url,
                "application/json",
                "{\"a\":\"\u0000\"}".getBytes(StandardCharsets.UTF_8),
                "raw NUL in a string",
                token));
        for (String type : List.of(
                "text/plain",
                "application/xml",
                "application/x-www-form-urlencoded",
                "multipart/form-data; boundary=x",
                "application/octet-stream",
                "image/png")) {
            all.add(new Attack(
                    service, method, url, type, v.getBytes(StandardCharsets.UTF_8), "content type " + type, token));
        }
        all.add(new Attack(
                service,
                method,
                url,
                "application/xml",
                "<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]><x>&e;</x>"
                        .getBytes(StandardCharsets.UTF_8),
                "XML external entity",
                token));
    }

    /** Malformed and unknown ids in the path. */
    static void badIds(List<Attack> all, String service, String method, String pattern, String token, String body) {
        badIds(all, service, method, pattern, token, body, true);
    }

    static void badIds(
            List<Attack> all,
            String service,
            String method,
            String pattern,
            String token,
            String body,
            boolean unknownIdIsHostile) {
        List<String> ids = new ArrayList<>(List.of(
                "not-a-uuid",
                "1%27%20OR%20%271%27%3D%271",
                "%3Cscript%3Ealert(1)%3C%2Fscript%3E",
                "..%2F..%2Fetc%2Fpasswd",
                "00000000-0000-0000-0000-000000000000",
                "-1",
                "%00",
                "a".repeat(300)));
        if (unknownIdIsHostile) {
            ids.add(UUID.randomUUID().toString());
        }
        for (String id : ids) {
            add(all, service, method, pattern.formatted(id), token, body, "path id " + shorten(F.textNode(id)));
        }
    }

    static void referralFields(List<Attack> all, String url, String token) {
        Map<String, List<JsonNode>> bad = new LinkedHashMap<>();
        List<JsonNode> enumGarbage = List.of(
                F.textNode("ALIEN"),
                F.textNode(""),
                F.numberNode(42),
                F.booleanNode(true),
                F.arrayNode(),
                F.objectNode(),
                F.nullNode(),
                F.textNode("<script>alert(1)</script>"),
                F.textNode("X' OR '1'='1"),
                F.textNode("FEMALE\r\nX-Injected: 1"),
                F.textNode("\u0000"),
                F.textNode("FEMALE\u200b"),
                F.textNode("ＦＥＭＡＬＥ"),
                F.textNode("\ud83d\ude00"),
                F.textNode("x".repeat(60_000)));
        bad.put("gender", enumGarbage);
        bad.put("urgency", enumGarbage);
        bad.put(
                "age",
                List.of(
                        F.numberNode(-1),
                        F.numberNode(17),
                        F.numberNode(0),
                        F.numberNode(200),
                        F.numberNode(Integer.MIN_VALUE),
                        F.numberNode(2_147_483_648L),
                        F.numberNode(1e308),
                        F.textNode("thirty"),
                        F.booleanNode(true),
                        F.arrayNode(),
                        F.objectNode(),
                        F.numberNode(new BigInteger("99999999999999999999999"))));
        bad.put(
                "birthDate",
                List.of(
                        F.textNode("1998-02-30"),
                        F.textNode("2099-01-01"),
                        F.textNode("yesterday"),
                        F.textNode("0000-00-00"),
                        F.numberNode(-99999999999L)));
        bad.put(
                "children",
                List.of(
                        F.textNode("two"),
                        F.arrayNode().add(obj(Map.of("age", F.numberNode(-1)))),
                        F.arrayNode().add(obj(Map.of("age", F.numberNode(18)))),
                        F.arrayNode().addNull(),
                        F.arrayNode().add(obj(Map.of("age", F.nullNode()))),
                        F.arrayNode().add(obj(Map.of("age", F.textNode("x")))),
                        F.arrayNode().add(obj(Map.of("age", F.numberNode(1), "name", F.textNode("unknown field"))))));
        bad.put(
                "languages",
                List.of(
                        F.arrayNode().add("xx"),
                        F.arrayNode().add("'; DROP TABLE referral;--"),
                        F.arrayNode().add(""),
                        F.arrayNode().addNull(),
                        F.textNode("fr"),
                        F.arrayNode().add(42),
                        F.arrayNode().add("<img src=x onerror=alert(1)>"),
                        F.arrayNode().add("fr\r\nX: 1"),
                        F.arrayNode().add("\ud800")));
        bad.put(
                "needs",
                List.of(
                        F.textNode("yes"),
                        F.arrayNode(),
                        obj(Map.of("wheelchairAccess", F.textNode("maybe"))),
                        obj(Map.of("teleportation", F.booleanNode(true)))));
        bad.put(
                "exploitation",
                List.of(
                        F.arrayNode().add("ALIEN"),
                        F.textNode("SEXUAL"),
                        F.arrayNode().addNull(),
                        F.arrayNode().add(42),
                        F.arrayNode().add("SEXUAL' OR 1=1--")));
        bad.put(
                "dangerZones",
                List.of(
                        F.arrayNode(),
                        F.arrayNode().add(F.objectNode()),
                        F.arrayNode().addNull(),
                        zones(obj(Map.of("communeCode", F.textNode("99999")))),
                        zones(obj(Map.of("communeCode", F.textNode("00000")))),
                        zones(obj(Map.of("communeCode", F.textNode("06088'; DROP TABLE referral;--")))),
                        zones(obj(Map.of("communeCode", F.textNode("<script>alert(1)</script>")))),
                        zones(obj(Map.of("communeCode", F.textNode("０６０８８")))),
                        zones(obj(Map.of("communeCode", F.textNode("98735")))),
                        zones(obj(Map.of("departmentCode", F.textNode("99")))),
                        zones(obj(Map.of("departmentCode", F.textNode("987")))),
                        zones(obj(Map.of("departmentCode", F.textNode("")))),
                        zones(obj(
                                Map.of("lat", F.numberNode(91), "lon", F.numberNode(7), "radiusKm", F.numberNode(10)))),
                        zones(obj(Map.of(
                                "lat", F.numberNode(43.7), "lon", F.numberNode(181), "radiusKm", F.numberNode(10)))),
                        zones(obj(Map.of(
                                "lat", F.numberNode(43.7), "lon", F.numberNode(7.25), "radiusKm", F.numberNode(-5)))),
                        zones(obj(Map.of("lat", F.textNode("north"), "lon", F.numberNode(7.25)))),
                        zones(obj(Map.of("lat", F.numberNode(43.7)))),
                        zones(obj(Map.of("communeCode", F.textNode("06088"), "city", F.textNode("unknown field")))),
                        F.textNode("Nice")));
        bad.put(
                "currentLocation",
                List.of(
                        obj(Map.of("communeCode", F.textNode("00000"))),
                        obj(Map.of("communeCode", F.textNode(""))),
                        F.objectNode(),
                        F.textNode("06088"),
                        obj(Map.of("communeCode", F.textNode("06088\r\nX-Evil: 1"))),
                        obj(Map.of("communeCode", F.textNode("\u0000"))),
                        obj(Map.of("communeCode", F.numberNode(-6088))),
                        obj(Map.of("communeCode", F.textNode("x".repeat(60_000))))));
        bad.put(
                "minDistanceKm",
                List.of(
                        F.numberNode(-1),
                        F.numberNode(Integer.MIN_VALUE),
                        F.numberNode(50),
                        F.textNode("far"),
                        F.numberNode(1e20),
                        F.arrayNode()));
        bad.put(
                "consent",
                List.of(
                        obj(Map.of("dataSharing", F.booleanNode(false))),
                        obj(Map.of("dataSharing", F.nullNode())),
                        F.objectNode(),
                        F.textNode("yes"),
                        F.nullNode(),
                        obj(Map.of("dataSharing", F.booleanNode(true), "recordedAt", F.textNode("yesterday")))));
        bad.put(
                "person",
                List.of(
                        F.textNode("Ana"),
                        F.arrayNode(),
                        obj(Map.of("birthDate", F.textNode("not-a-date"))),
                        obj(Map.of("firstName", F.arrayNode())),
                        obj(Map.of("ssn", F.textNode("unknown field")))));
        bad.put("status", List.of(F.textNode("ARRIVED")));
        bad.put("id", List.of(F.textNode(UUID.randomUUID().toString())));
        bad.put("organisationId", List.of(F.textNode("org-lyon")));
        for (var field : bad.entrySet()) {
            for (JsonNode value : field.getValue()) {
                ObjectNode body = validReferral();
                body.set(field.getKey(), value);
                add(all, "intake", "POST", url, token, body.toString(), field.getKey() + "=" + shorten(value));
            }
        }
        for (String required : List.of("gender", "age", "dangerZones", "currentLocation", "urgency", "consent")) {
            ObjectNode body = validReferral();
            body.remove(required);
            if (required.equals("age")) {
                // The age can also come from the identity's birth date: without either, it is missing.
                ((ObjectNode) body.path("person")).remove("birthDate");
            }
            add(all, "intake", "POST", url, token, body.toString(), "without " + required);
        }
        ObjectNode manyChildren = validReferral();
        manyChildren.set("children", hugeArray(obj(Map.of("age", F.numberNode(3))), 5000));
        add(all, "intake", "POST", url, token, manyChildren.toString(), "5,000 children");
        ObjectNode manyLanguages = validReferral();
        manyLanguages.set("languages", hugeArray("fr", 10_000));
        add(all, "intake", "POST", url, token, manyLanguages.toString(), "10,000 languages");
        ObjectNode manyZones = validReferral();
        manyZones.set("dangerZones", hugeArray(obj(Map.of("communeCode", F.textNode("06088"))), 2_000));
        add(all, "intake", "POST", url, token, manyZones.toString(), "2,000 danger zones");
        ObjectNode duplicate = validReferral();
        add(
                all,
                "intake",
                "POST",
                url,
                token,
                duplicate.toString().replace("\"gender\":\"FEMALE\"", "\"gender\":\"FEMALE\",\"gender\":\"ALIEN\""),
                "duplicate key, the last one unknown");
    }

    static void shelterFields(List<Attack> all, String method, String url, String token) {
        Map<String, List<JsonNode>> bad = new LinkedHashMap<>();
        bad.put(
                "code",
                List.of(
                        F.nullNode(),
                        F.textNode(""),
                        F.arrayNode(),
                        F.objectNode(),
                        F.textNode("x".repeat(5000)),
                        F.textNode("A B\r\nX-Evil: 1"),
                        F.textNode("\u0000")));
        bad.put("name", List.of(F.nullNode(), F.arrayNode(), F.objectNode()));
        bad.put(
                "communeCode",
                List.of(
                        F.nullNode(),
                        F.textNode("99999"),
                        F.textNode("98735"),
                        F.textNode(""),
                        F.textNode("69123' OR '1'='1"),
                        F.textNode("<script>alert(1)</script>"),
                        F.textNode("６９１２３"),
                        F.numberNode(69123.5),
                        F.arrayNode()));
        bad.put("address", List.of(F.nullNode(), F.arrayNode(), F.objectNode()));
        bad.put(
                "accepts",
                List.of(
                        F.nullNode(),
                        F.textNode("everyone"),
                        obj(Map.of(
                                "genders",
                                F.arrayNode().add("ALIEN"),
                                "families",
                                F.booleanNode(true),
                                "maxChildren",
                                F.numberNode(2))),
                        obj(Map.of(
                                "genders",
                                F.textNode("FEMALE"),
                                "families",
                                F.booleanNode(true),
                                "maxChildren",
                                F.numberNode(2))),
                        obj(Map.of(
                                "genders",
                                F.arrayNode().add("FEMALE"),
                                "families",
                                F.textNode("maybe"),
                                "maxChildren",
                                F.numberNode(2))),
                        obj(Map.of(
                                "genders",
                                F.arrayNode().add("FEMALE"),
                                "families",
                                F.booleanNode(true),
                                "maxChildren",
                                F.numberNode(-1))),
                        obj(Map.of(
                                "genders",
                                F.arrayNode().add("FEMALE"),
                                "families",
                                F.booleanNode(true),
                                "maxChildren",
                                F.numberNode(10_000_000_000L)))));
        bad.put("wheelchairAccessible", List.of(F.textNode("maybe"), F.arrayNode()));
        bad.put(
                "support",
                List.of(
                        F.textNode("ALL"),
                        F.arrayNode().add("TELEPATHY"),
                        F.arrayNode().addNull(),
                        F.arrayNode().add("<script>"),
                        F.arrayNode().add(42)));
        bad.put(
                "languages",
                List.of(
                        F.arrayNode().add("xx"),
                        F.arrayNode().add("'; DROP TABLE shelter;--"),
                        F.arrayNode().addNull(),
                        F.textNode("fr")));
        bad.put("active", List.of(F.textNode("perhaps"), F.arrayNode()));
        bad.put(
                "units",
                List.of(
                        F.nullNode(),
                        F.arrayNode(),
                        F.textNode("many"),
                        F.arrayNode().addNull(),
                        F.arrayNode().add(obj(Map.of("capacity", F.numberNode(0)))),
                        F.arrayNode().add(obj(Map.of("capacity", F.numberNode(-1)))),
                        F.arrayNode().add(obj(Map.of("capacity", F.numberNode(1_000_000_000_000L)))),
                        F.arrayNode().add(obj(Map.of("capacity", F.textNode("two")))),
                        F.arrayNode().add(obj(Map.of("capacity", F.nullNode()))),
                        hugeArray(obj(Map.of("capacity", F.numberNode(2))), 5000)));
        for (var field : bad.entrySet()) {
            for (JsonNode value : field.getValue()) {
                ObjectNode body = validShelter(
                        "H" + UUID.randomUUID().toString().substring(0, 6).toUpperCase());
                body.set(field.getKey(), value);
                add(all, "placement", method, url, token, body.toString(), field.getKey() + "=" + shorten(value));
            }
        }
    }

    // ---------------------------------------------------------------------------------------------------------
    // Helpers

    static ObjectNode validReferral() {
        try {
            return (ObjectNode) JSON.readTree("""
                    {"person":{"firstName":"Ana","lastName":"Hostile","birthDate":"1998-03-14","nationality":"RO",
                               "phone":"+33600000000"},
                     "gender":"FEMALE","age":%d,"children":[{"age":4}],"languages":["ro","fr"],
                     "needs":{"wheelchairAccess":false,"psychologicalSupport":true,"medicalCare":false,"interpreter":false},
                     "exploitation":["SEXUAL"],"dangerZones":[{"communeCode":"06088"}],
                     "currentLocation":{"communeCode":"06088"},"urgency":"IMMEDIATE",
                     "consent":{"dataSharing":true,"recordedAt":"2026-11-29T08:00:00Z"}}""".formatted(Period.between(LocalDate.of(1998, 3, 14), LocalDate.now())
                    .getYears()));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static ObjectNode validShelter(String code) {
        return obj(Map.of(
                "code",
                F.textNode(code),
                "name",
                F.textNode("Shelter " + code),
                "communeCode",
                F.textNode("69123"),
                "address",
                F.textNode("1 rue confidentielle"),
                "active",
                F.booleanNode(true),
                "accepts",
                obj(Map.of(
                        "genders",
                        F.arrayNode().add("FEMALE"),
                        "families",
                        F.booleanNode(true),
                        "maxChildren",
                        F.numberNode(2))),
                "wheelchairAccessible",
                F.booleanNode(false),
                "support",
                F.arrayNode().add("PSYCHOLOGICAL"),
                "languages",
                F.arrayNode().add("fr").add("ro"),
                "units",
                F.arrayNode().add(obj(Map.of("capacity", F.numberNode(2))))));
    }

    static ObjectNode obj(Map<String, JsonNode> fields) {
        ObjectNode node = F.objectNode();
        fields.forEach(node::set);
        return node;
    }

    static ArrayNode zones(JsonNode zone) {
        return F.arrayNode().add(zone);
    }

    static ArrayNode hugeArray(Object element, int n) {
        ArrayNode array = F.arrayNode();
        for (int i = 0; i < n; i++) {
            if (element instanceof JsonNode node) {
                array.add(node.deepCopy());
            } else {
                array.add(element.toString());
            }
        }
        return array;
    }

    static String shorten(JsonNode value) {
        String s = value.toString().replace("\r", "\\r").replace("\n", "\\n");
        return s.length() > 40 ? s.substring(0, 40) + "…(" + s.length() + " chars)" : s;
    }

    static void add(
            List<Attack> all, String service, String method, String url, String token, String body, String what) {
        all.add(new Attack(
                service,
                method,
                url,
                body == null ? null : "application/json",
                body == null ? null : body.getBytes(StandardCharsets.UTF_8),
                what,
                token));
    }

    static JsonNode send(String method, String url, String token, String body) {
        try {
            HttpResponse<String> r = CLIENT.send(
                    HttpRequest.newBuilder(URI.create(url))
                            .header("Authorization", "Bearer " + token)
                            .header("Content-Type", "application/json")
                            .method(method, HttpRequest.BodyPublishers.ofString(body))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(r.statusCode()).as(method + " " + url + ": " + r.body()).isEqualTo(201);
            return JSON.readTree(r.body());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** The first item's id of a page, once there is one (30 s); a random id if the flow never produced one. */
    static String awaitFirstId(String url) {
        Optional<String> id = Optional.empty();
        try {
            id = await().atMost(Duration.ofSeconds(30))
                    .pollInterval(Duration.ofMillis(300))
                    .until(
                            () -> {
                                HttpResponse<String> r = CLIENT.send(
                                        HttpRequest.newBuilder(URI.create(url))
                                                .header("Authorization", "Bearer " + suite.identities.coordinator())
                                                .build(),
                                        HttpResponse.BodyHandlers.ofString());
                                if (r.statusCode() != 200) {
                                    return Optional.<String>empty();
                                }
                                JsonNode first =
                                        JSON.readTree(r.body()).path("items").path(0);
                                return first.has("id")
                                        ? Optional.of(first.path("id").asText())
                                        : Optional.<String>empty();
                            },
                            Optional::isPresent);
        } catch (ConditionTimeoutException e) {
            // the corpus then aims at an unknown id: still hostile input, answered 404
        }
        return id.orElse(UUID.randomUUID().toString());
    }

    static Map<String, Long> rowCounts(Duration after) throws InterruptedException {
        await().pollDelay(after).atMost(after.plusSeconds(1)).until(() -> true);
        return rowCounts();
    }

    /** Rows in every table of every service schema. */
    static Map<String, Long> rowCounts() {
        Map<String, Long> counts = new LinkedHashMap<>();
        try (Connection c = suite.database.connect();
                Statement s = c.createStatement()) {
            List<String> tables = new ArrayList<>();
            try (ResultSet rs = s.executeQuery("SELECT table_schema || '.' || table_name FROM information_schema.tables"
                    + " WHERE table_schema NOT IN ('pg_catalog', 'information_schema') AND table_type = 'BASE TABLE'"
                    + " ORDER BY 1")) {
                while (rs.next()) {
                    tables.add(rs.getString(1));
                }
            }
            for (String table : tables) {
                try (ResultSet rs = s.executeQuery("SELECT count(*) FROM " + table)) {
                    rs.next();
                    counts.put(table, rs.getLong(1));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return counts;
    }
}
