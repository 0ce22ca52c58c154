package org.acse.e2e;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.restassured.http.ContentType;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.acse.suite.Ports;
import org.acse.suite.ServiceProcess;
import org.acse.suite.Suite;
import org.acse.suite.WebhookReceiver;
import org.acse.testsupport.SchemaDump;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The retention canary (product §8, ADR 11): three referrals whose every field holds a value found nowhere else —
 * one that arrives (after a decline with a comment and an acceptance with a meeting point), one withdrawn while a
 * place is held for it, one left in {@code NO_MATCH} that the suite closes itself — go through the three packaged
 * services with every retention delay shortened to seconds. Once the delays have passed, every row of every schema
 * is read: no personal value of theirs is left anywhere (published outbox rows, processed events, alerts, deliveries
 * and e-mail bodies, audit log included), and no row naming the referral or its pseudonym leads to a household, a
 * danger zone, a type of exploitation or a shelter. Its own suite: the shared one keeps the production delays.
 */
class RetentionCanaryIT {
    private static final String TAG =
            UUID.randomUUID().toString().replace("-", "").substring(0, 8);
    private static final String NAME = "Rtnc" + TAG;
    private static final String PHONE = "+3362" + (10_000_000 + (int) (Math.random() * 80_000_000));
    private static final String BIRTH_DATE = "1979-02-27";
    private static final String NOTES = "Vu au lavoir " + TAG + " le soir";
    private static final String MEETING_POINT = "Kiosque " + TAG + " du cours Mirabeau";
    private static final String DECLINE_COMMENT = "lit cassé " + TAG;
    private static final String WITHDRAWAL_REASON = "rentrée au pays " + TAG;
    // The danger zones: Bastia (2B), by its commune and by a point that intake snaps to 42.7, 9.5.
    private static final String DANGER_COMMUNE = "2B033";
    private static final String DANGER_DEPARTMENT = "2B";
    private static final String DANGER_LAT = "42.6973";
    private static final String DANGER_LON = "9.4503";
    private static final String EXPLOITATION = "ORGAN_REMOVAL";
    // Marseille: the person is there now. Its department (13) is the one place figure intake keeps (ADR 11).
    private static final String CURRENT_COMMUNE = "13055";
    private static final Duration AFTER_CLOSED = Duration.ofSeconds(5);
    private static final Duration CLOSE_INACTIVE_AFTER = Duration.ofSeconds(60);
    private static final String EVERY = "2s";

    private static GreenMail smtp;
    private static WebhookReceiver receiver;
    private static Suite suite;
    private static final Identities identities = new Identities();

    @BeforeAll
    static void start() {
        Path root = Path.of(System.getProperty("acse.root", ".."));
        smtp = new GreenMail(new ServerSetup(Ports.free(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        receiver = new WebhookReceiver();
        String after = AFTER_CLOSED.toString();
        Map<String, String> messages = Map.of(
                "acse.retention.messages.published-after", after,
                "acse.retention.messages.processed-after", after,
                "acse.retention.messages.every", EVERY);
        suite = Suite.builder(root)
                .services(Suite.SERVICES)
                .freshDatabase("acse_retention")
                .logs(root.resolve("e2e-tests/target/e2e-logs/retention"))
                .smtpPort(smtp.getSmtp().getPort())
                .config(Suite.INTAKE, messages)
                .config(
                        Suite.INTAKE,
                        Map.of(
                                "acse.intake.retention.after-closed", after,
                                "acse.intake.retention.close-inactive-after", CLOSE_INACTIVE_AFTER.toString(),
                                "acse.intake.retention.every", EVERY,
                                "acse.intake.idempotency-key-ttl", after))
                .config(Suite.PLACEMENT, messages)
                .config(
                        Suite.PLACEMENT,
                        Map.of("acse.decision.retention.after-closed", after, "acse.decision.retention.every", EVERY))
                .config(Suite.NOTIFICATION, messages)
                .config(
                        Suite.NOTIFICATION,
                        Map.of(
                                "acse.notification.retention.after-closed",
                                after,
                                "acse.notification.retention.every",
                                EVERY))
                .readyTimeout(Duration.ofSeconds(240))
                .start();
    }

    @AfterAll
    static void stop() {
        if (suite != null) {
            suite.close();
        }
        if (receiver != null) {
            receiver.close();
        }
        if (smtp != null) {
            smtp.stop();
        }
    }

    @Test
    void afterTheDelaysNoRowLinksAClosedReferralToItsPersonAndNoPersonalValueIsLeft() throws Exception {
        List<Shelter> shelters = List.of(
                registerShelter("BDX" + TAG, "33063"),
                registerShelter("TLS" + TAG, "31555"),
                registerShelter("RNS" + TAG, "35238"));
        String partner = identities.partner("org-lyon");

        // Left in NO_MATCH: no shelter takes a family. First, so that its inactivity runs while the others move.
        Canary noMatch = submit(partner, "noMatch", List.of(7, 13));
        awaitStatus(noMatch, "NO_MATCH");

        // Arrived: the first team declines with a comment, the next accepts with a meeting point; she arrives.
        Canary arrived = submit(partner, "arrived", List.of());
        String declined = awaitHeldPlacement(arrived, null);
        given().auth()
                .oauth2(shelterOf(shelters, declined).staffToken())
                .contentType(ContentType.JSON)
                .body(Map.of("reason", "STAFF_UNAVAILABLE", "comment", DECLINE_COMMENT))
                .post(url(Suite.PLACEMENT) + "/api/v1/placements/" + declined + "/decline")
                .then()
                .statusCode(200);
        String accepted = awaitHeldPlacement(arrived, declined);
        Shelter receiving = shelterOf(shelters, accepted);
        given().auth()
                .oauth2(receiving.staffToken())
                .contentType(ContentType.JSON)
                .body(Map.of("meetingPoint", Map.of("place", MEETING_POINT, "at", "2026-12-02T14:00:00Z")))
                .post(url(Suite.PLACEMENT) + "/api/v1/placements/" + accepted + "/accept")
                .then()
                .statusCode(200);
        awaitStatus(arrived, "ACCEPTED");
        // Everyone who may read the person's data does: each read is a row of an audit log.
        readIdentity(arrived, receiving.staffToken(), 200);
        readIdentity(arrived, identities.coordinator(), 200);
        given().auth()
                .oauth2(partner)
                .get(url(Suite.PLACEMENT) + "/api/v1/referrals/" + arrived.id + "/arrival")
                .then()
                .statusCode(200)
                .body("meetingPoint.place", equalTo(MEETING_POINT));
        given().auth()
                .oauth2(receiving.staffToken())
                .post(url(Suite.PLACEMENT) + "/api/v1/placements/" + accepted + "/arrival")
                .then()
                .statusCode(200);
        awaitStatus(arrived, "ARRIVED");

        // Withdrawn by its partner while a place is held for it.
        Canary withdrawn = submit(partner, "withdrawn", List.of());
        awaitHeldPlacement(withdrawn, null);
        given().auth()
                .oauth2(partner)
                .contentType(ContentType.JSON)
                .body(Map.of("reason", WITHDRAWAL_REASON))
                .post(url(Suite.INTAKE) + "/api/v1/referrals/" + withdrawn.id + "/withdraw")
                .then()
                .statusCode(200);
        awaitStatus(withdrawn, "WITHDRAWN");

        // The referral nobody closed is closed by the suite, then forgotten like the others.
        await().atMost(CLOSE_INACTIVE_AFTER.multipliedBy(4))
                .pollInterval(Duration.ofSeconds(2))
                .untilAsserted(() -> assertThat(given().auth()
                                .oauth2(identities.coordinator())
                                .get(url(Suite.INTAKE) + "/api/v1/referrals/" + noMatch.id)
                                .then()
                                .statusCode(200)
                                .extract()
                                .<String>path("status"))
                        .isEqualTo("WITHDRAWN"));

        List<Canary> canaries = List.of(arrived, withdrawn, noMatch);
        // A server too busy to take one more connection is no answer: ask again.
        await().atMost(Duration.ofMinutes(3))
                .pollInterval(Duration.ofSeconds(3))
                .ignoreExceptionsInstanceOf(SQLException.class)
                .untilAsserted(() -> {
                    for (Canary canary : canaries) {
                        readIdentity(canary, identities.coordinator(), 410);
                    }
                    assertForgotten(canaries, shelters);
                });
        // What stays for the partner: the pseudonymous status and its timeline.
        given().auth()
                .oauth2(partner)
                .get(url(Suite.INTAKE) + "/api/v1/referrals/" + arrived.id)
                .then()
                .statusCode(200)
                .body("status", equalTo("ARRIVED"))
                .body("pseudonym", equalTo(arrived.pseudonym));
    }

    /** Every schema of the database, every row: what someone who copied it would find. */
    private static void assertForgotten(List<Canary> canaries, List<Shelter> shelters) throws SQLException {
        List<String> personal = new ArrayList<>(List.of(
                NAME,
                PHONE,
                BIRTH_DATE,
                NOTES,
                MEETING_POINT,
                DECLINE_COMMENT,
                WITHDRAWAL_REASON,
                DANGER_LAT,
                DANGER_LON));
        for (Canary canary : canaries) {
            personal.add(canary.firstName);
        }
        List<Row> rows = new ArrayList<>();
        try (Connection c = suite.database().connect()) {
            List<String> schemas = new ArrayList<>();
            try (ResultSet rs = c.createStatement()
                    .executeQuery("SELECT schema_name FROM information_schema.schemata WHERE schema_name NOT IN"
                            + " ('pg_catalog', 'information_schema', 'pg_toast') AND schema_name NOT LIKE 'pg_temp%'"
                            + " AND schema_name NOT LIKE 'pg_toast_temp%'")) {
                while (rs.next()) {
                    schemas.add(rs.getString(1));
                }
            }
            assertThat(schemas).containsAll(Suite.SCHEMAS);
            for (String schema : schemas) {
                String dump = SchemaDump.of(c, schema);
                for (String value : personal) {
                    assertThat(dump).as("a personal value in schema " + schema).doesNotContain(value);
                }
                rows.addAll(rowsOf(c, schema));
            }
        }
        assertThat(rows).as("the dump reads the tables").hasSizeGreaterThan(10);

        List<String> shelterTraces = new ArrayList<>();
        for (Shelter shelter : shelters) {
            shelterTraces.addAll(List.of(shelter.id.toString(), shelter.code, shelter.communeCode));
        }
        for (Canary canary : canaries) {
            // The rows that name the referral or its pseudonym, and the rows those lead to by an id.
            List<Row> naming = rows.stream().filter(r -> r.names(canary)).toList();
            Set<String> ids = new LinkedHashSet<>();
            for (Row row : naming) {
                if (!row.table.endsWith(".audit_log")) {
                    ids.addAll(uuids(row.text));
                }
            }
            ids.remove(canary.id);
            List<Row> linked = new ArrayList<>(naming);
            rows.stream()
                    .filter(r -> !naming.contains(r) && ids.stream().anyMatch(r.text::contains))
                    .forEach(linked::add);
            for (Row row : linked) {
                String where = canary.path + " canary linked in " + row;
                String text = row.text;
                // ADR 11: the audit log stays, append-only; a read by a shelter's staff names the reader and, as
                // tenant, their shelter. The one link kept to a shelter; pinned below so that it cannot spread.
                if (row.table.equals("intake.audit_log")
                        && STAFF_READ.matcher(text).find()) {
                    text = STAFF_READ.matcher(text).replaceAll(",shelter-staff,<tenant>,referral.identity.read,");
                }
                assertThat(text)
                        .as(where)
                        .doesNotContain(DANGER_COMMUNE, EXPLOITATION, "childrenAges", "FEMALE", "\"lat\"", "\\x");
                assertThat(text).as(where).doesNotContainPattern("[(,\"]" + DANGER_DEPARTMENT + "[),\"]");
                for (String trace : shelterTraces) {
                    assertThat(text).as(where + " (a shelter)").doesNotContain(trace);
                }
            }
            assertThat(naming.stream()
                            .filter(r -> r.table.endsWith(".audit_log") && r.text.contains(",shelter-staff,"))
                            .map(r -> STAFF_READ.matcher(r.text).find())
                            .toList())
                    .as(canary.path + " canary: a shelter's staff are in the audit log only for reading the identity")
                    .doesNotContain(false);
        }
    }

    private static final Pattern STAFF_READ =
            Pattern.compile(",shelter-staff,[0-9a-f-]{36},referral\\.identity\\.read,");

    private record Row(String table, String text) {
        boolean names(Canary canary) {
            return text.contains(canary.id) || text.contains(canary.pseudonym);
        }

        @Override
        public String toString() {
            return table + ": " + text;
        }
    }

    private static List<Row> rowsOf(Connection c, String schema) throws SQLException {
        List<String> tables = new ArrayList<>();
        try (ResultSet rs = c.createStatement()
                .executeQuery("SELECT table_name FROM information_schema.tables WHERE table_schema = '" + schema
                        + "' AND table_type = 'BASE TABLE'")) {
            while (rs.next()) {
                tables.add(rs.getString(1));
            }
        }
        List<Row> rows = new ArrayList<>();
        for (String table : tables) {
            String name = schema + "." + table;
            try (ResultSet rs = c.createStatement().executeQuery("SELECT t::text FROM " + name + " t")) {
                while (rs.next()) {
                    rows.add(new Row(name, rs.getString(1)));
                }
            }
        }
        return rows;
    }

    private static final Pattern UUID_PATTERN =
            Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

    private static Set<String> uuids(String text) {
        Set<String> found = new LinkedHashSet<>();
        Matcher m = UUID_PATTERN.matcher(text);
        while (m.find()) {
            found.add(m.group());
        }
        return found;
    }

    private record Canary(String path, String id, String pseudonym, String firstName) {}

    private static Canary submit(String partner, String path, List<Integer> childrenAges) {
        String firstName = NAME + path;
        String children = childrenAges.stream()
                .map(age -> "{\"age\":" + age + "}")
                .reduce((a, b) -> a + "," + b)
                .orElse("");
        String body = """
                {"person":{"firstName":"%1$s","lastName":"%2$s","birthDate":"%3$s","nationality":"AL","phone":"%4$s"},
                 "gender":"FEMALE","birthDate":"%3$s","children":[%5$s],"languages":["sq","it"],
                 "needs":{"wheelchairAccess":false,"psychologicalSupport":true,"medicalCare":false,"interpreter":false},
                 "exploitation":["%6$s"],
                 "dangerZones":[{"communeCode":"%7$s"},{"lat":%8$s,"lon":%9$s,"radiusKm":5}],
                 "currentLocation":{"communeCode":"%10$s"},"urgency":"WITHIN_72H",
                 "consent":{"dataSharing":true,"recordedAt":"2026-11-28T08:00:00Z"},
                 "notes":"%11$s, tel %4$s"}""".formatted(
                        firstName,
                        NAME,
                        BIRTH_DATE,
                        PHONE,
                        children,
                        EXPLOITATION,
                        DANGER_COMMUNE,
                        DANGER_LAT,
                        DANGER_LON,
                        CURRENT_COMMUNE,
                        NOTES);
        var created = given().auth()
                .oauth2(partner)
                .contentType(ContentType.JSON)
                .body(body)
                .post(url(Suite.INTAKE) + "/api/v1/referrals")
                .then()
                .statusCode(201)
                .extract();
        return new Canary(path, created.path("id"), created.path("pseudonym"), firstName);
    }

    private static void readIdentity(Canary canary, String token, int status) {
        given().auth()
                .oauth2(token)
                .get(url(Suite.INTAKE) + "/api/v1/referrals/" + canary.id + "/identity")
                .then()
                .statusCode(status);
    }

    private static void awaitStatus(Canary canary, String status) {
        await().atMost(Duration.ofSeconds(60))
                .untilAsserted(() -> given().auth()
                        .oauth2(identities.partner("org-lyon"))
                        .get(url(Suite.INTAKE) + "/api/v1/referrals/" + canary.id)
                        .then()
                        .statusCode(200)
                        .body("status", equalTo(status)));
    }

    /** The referral's one held placement, once it is not {@code previous}. */
    private static String awaitHeldPlacement(Canary canary, String previous) {
        return await().atMost(Duration.ofSeconds(60))
                .until(
                        () -> given().auth()
                                .oauth2(identities.coordinator())
                                .queryParam("referralId", canary.id)
                                .queryParam("status", "HELD")
                                .get(url(Suite.PLACEMENT) + "/api/v1/placements")
                                .then()
                                .statusCode(200)
                                .extract()
                                .<List<String>>path("items.id"),
                        ids -> ids.size() == 1 && !ids.get(0).equals(previous))
                .get(0);
    }

    private static Shelter shelterOf(List<Shelter> shelters, String placementId) {
        String shelterId = given().auth()
                .oauth2(identities.coordinator())
                .get(url(Suite.PLACEMENT) + "/api/v1/placements/" + placementId)
                .then()
                .statusCode(200)
                .extract()
                .path("shelterId");
        return shelters.stream()
                .filter(s -> s.id.toString().equals(shelterId))
                .findFirst()
                .orElseThrow();
    }

    private static String url(String service) {
        ServiceProcess process = suite.service(service);
        return process.url();
    }

    private record Shelter(String code, UUID id, String communeCode) {
        String staffToken() {
            return identities.staff(code, id);
        }
    }

    /** A shelter for women alone (no family), with its e-mail and webhook alert channels. */
    private static Shelter registerShelter(String code, String communeCode) {
        String id = given().auth()
                .oauth2(identities.coordinator())
                .contentType(ContentType.JSON)
                .body(Map.of(
                        "code",
                        code,
                        "name",
                        "Foyer " + code,
                        "communeCode",
                        communeCode,
                        "address",
                        "3 impasse des Tilleuls",
                        "active",
                        true,
                        "accepts",
                        Map.of("genders", List.of("FEMALE"), "families", false, "maxChildren", 0),
                        "wheelchairAccessible",
                        false,
                        "support",
                        List.of("PSYCHOLOGICAL"),
                        "languages",
                        List.of("fr", "sq", "it"),
                        "units",
                        List.of(Map.of("capacity", 1))))
                .post(url(Suite.PLACEMENT) + "/api/v1/shelters")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        Shelter shelter = new Shelter(code, UUID.fromString(id), communeCode);
        given().auth()
                .oauth2(identities.coordinator())
                .contentType(ContentType.JSON)
                .body(Map.of(
                        "emails",
                        List.of("equipe-" + code.toLowerCase() + "@foyers.invalid"),
                        "webhookUrl",
                        receiver.url("/" + id),
                        "webhookSecret",
                        "whsec_cmV0ZW50aW9uLWNhbmFyeS1zZWNyZXQtMDEyMzQ1Ng=="))
                .put(url(Suite.NOTIFICATION) + "/api/v1/shelters/" + id + "/channels")
                .then()
                .statusCode(200);
        return shelter;
    }
}
