package org.acse.e2e;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import io.restassured.http.ContentType;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.acse.common.events.Topics;
import org.acse.suite.Suite;
import org.acse.suite.WebhookReceiver;
import org.acse.testsupport.KafkaEvents;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The decision loop across the three services, and the data-protection canary (product §8): a referral whose every
 * personal field holds a unique string goes through a decline, an acceptance with a meeting point, a back-out, a
 * second acceptance and the arrival, over the real broker. The identity follows the person at every step. Afterwards
 * the strings (identity, notes, meeting point, comments) are nowhere — logs, topics (DLQs included), alerts, e-mails,
 * webhooks, partner answers, the databases in clear — except in the audited identity view of the coordinator and of
 * the staff of the shelter the person is with, and the meeting point in the referring organisation's audited view.
 */
class DecisionLoopAndCanaryIT {
    private static final String CANARY =
            "Cnry" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    private static final String MEETING_POINT =
            "Hall Mtg" + UUID.randomUUID().toString().substring(0, 8) + " de la gare Saint-Jean";
    private static final String PHONE_CANARY = "+3361" + (10_000_000 + (int) (Math.random() * 80_000_000));
    private static RunningSuite suite;
    private static WebhookReceiver receiver;

    @BeforeAll
    static void start() {
        suite = RunningSuite.get();
        receiver = new WebhookReceiver();
    }

    @AfterAll
    static void stop() {
        if (receiver != null) {
            receiver.close();
        }
    }

    @Test
    void everyAnswerMovesTheReferralOnTheIdentityFollowsThePersonAndNoPersonalDataLeaks() throws Exception {
        String tag = UUID.randomUUID().toString().substring(0, 4).toUpperCase();
        // A man in a wheelchair in danger in Lille; three shelters fit, far from the Nord.
        List<Shelter> fitting = List.of(
                registerShelter("BDX" + tag, "33063"),
                registerShelter("TLS" + tag, "31555"),
                registerShelter("RNS" + tag, "35238"));
        for (Shelter shelter : fitting) {
            registerChannels(shelter);
        }
        String partner = suite.identities.partner("org-lyon");

        String referralId = given().auth()
                .oauth2(partner)
                .contentType(ContentType.JSON)
                .body(canaryReferral())
                .post(suite.intake.url() + "/api/v1/referrals")
                .then()
                .statusCode(201)
                .extract()
                .path("id");

        // The first proposal goes to the best-ranked shelter; its team declines.
        String first = awaitHeldPlacement(referralId, null);
        Shelter declining = shelterOf(fitting, first);
        given().auth()
                .oauth2(declining.staffToken())
                .contentType(ContentType.JSON)
                .body(Map.of("reason", "STAFF_UNAVAILABLE", "comment", "équipe réduite ce soir"))
                .post(suite.placement.url() + "/api/v1/placements/" + first + "/decline")
                .then()
                .statusCode(200);

        // The next candidate is proposed and alerted; its team accepts and gives a meeting point.
        String second = awaitHeldPlacement(referralId, first);
        Shelter backingOut = shelterOf(fitting, second);
        await().atMost(Duration.ofSeconds(60))
                .until(() -> !receiver.deliveries("/" + backingOut.id).isEmpty());
        given().auth()
                .oauth2(backingOut.staffToken())
                .contentType(ContentType.JSON)
                .body(Map.of("meetingPoint", Map.of("place", MEETING_POINT, "at", "2026-12-02T14:00:00Z")))
                .post(suite.placement.url() + "/api/v1/placements/" + second + "/accept")
                .then()
                .statusCode(200);
        awaitStatus(referralId, "ACCEPTED");
        assertIdentity(referralId, Map.of(backingOut, 200, declining, 404));

        // The meeting point: the referring organisation and coordinators, nobody else.
        String arrival = suite.placement.url() + "/api/v1/referrals/" + referralId + "/arrival";
        given().auth()
                .oauth2(partner)
                .get(arrival)
                .then()
                .statusCode(200)
                .body("meetingPoint.place", equalTo(MEETING_POINT));
        given().auth()
                .oauth2(suite.identities.coordinator())
                .get(arrival)
                .then()
                .statusCode(200)
                .body("meetingPoint.place", equalTo(MEETING_POINT));
        given().auth()
                .oauth2(suite.identities.partner("org-nice"))
                .get(arrival)
                .then()
                .statusCode(404);
        given().auth().oauth2(backingOut.staffToken()).get(arrival).then().statusCode(403);

        // The team backs out: it loses the identity at once, and the referral is matched again.
        given().auth()
                .oauth2(backingOut.staffToken())
                .contentType(ContentType.JSON)
                .body(Map.of("reason", "NO_LONGER_AVAILABLE", "comment", "dégât des eaux"))
                .post(suite.placement.url() + "/api/v1/placements/" + second + "/cancel")
                .then()
                .statusCode(200);
        String third = awaitHeldPlacement(referralId, second);
        Shelter accepting = shelterOf(fitting, third);
        assertThat(accepting).isNotIn(declining, backingOut);
        awaitStatus(referralId, "PROPOSED");
        assertIdentity(referralId, Map.of(backingOut, 404, declining, 404, accepting, 404));

        // The third shelter accepts: the identity moves to it; the person arrives there.
        given().auth()
                .oauth2(accepting.staffToken())
                .post(suite.placement.url() + "/api/v1/placements/" + third + "/accept")
                .then()
                .statusCode(200);
        awaitStatus(referralId, "ACCEPTED");
        assertIdentity(referralId, Map.of(accepting, 200, backingOut, 404, declining, 404));
        given().auth().oauth2(partner).get(arrival).then().statusCode(200).body("meetingPoint", nullValue());
        given().auth()
                .oauth2(accepting.staffToken())
                .post(suite.placement.url() + "/api/v1/placements/" + third + "/arrival")
                .then()
                .statusCode(200);
        awaitStatus(referralId, "ARRIVED");
        assertIdentity(referralId, Map.of(accepting, 200, backingOut, 404, declining, 404));
        given().auth()
                .oauth2(suite.identities.partner("org-nice"))
                .get(suite.intake.url() + "/api/v1/referrals/" + referralId)
                .then()
                .statusCode(404);

        // What a partner can read: the status and its timeline, never a shelter.
        String partnerView = given().auth()
                        .oauth2(partner)
                        .get(suite.intake.url() + "/api/v1/referrals/" + referralId)
                        .then()
                        .extract()
                        .asString()
                + given().auth()
                        .oauth2(partner)
                        .get(suite.intake.url() + "/api/v1/referrals?size=100")
                        .then()
                        .extract()
                        .asString()
                + given().auth().oauth2(partner).get(arrival).then().extract().asString();
        assertThat(partnerView)
                .doesNotContain(CANARY)
                .doesNotContain(PHONE_CANARY)
                .contains("SEARCHING", "PROPOSED", "ACCEPTED", "ARRIVED");
        for (Shelter shelter : fitting) {
            assertThat(partnerView).doesNotContain(shelter.code).doesNotContain(shelter.id.toString());
        }
        assertThat(partnerView)
                .doesNotContain("Bordeaux")
                .doesNotContain("Toulouse")
                .doesNotContain("Rennes");

        assertNoLeak(referralId);
    }

    /** Who may read the identity now: coordinators always; each shelter's staff as given. */
    private static void assertIdentity(String referralId, Map<Shelter, Integer> expected) {
        String identity = suite.intake.url() + "/api/v1/referrals/" + referralId + "/identity";
        assertThat(given().auth()
                        .oauth2(suite.identities.coordinator())
                        .get(identity)
                        .then()
                        .statusCode(200)
                        .extract()
                        .asString())
                .contains(CANARY);
        expected.forEach((shelter, status) ->
                given().auth().oauth2(shelter.staffToken()).get(identity).then().statusCode(status));
    }

    private static void awaitStatus(String referralId, String status) {
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> given().auth()
                        .oauth2(suite.identities.partner("org-lyon"))
                        .get(suite.intake.url() + "/api/v1/referrals/" + referralId)
                        .then()
                        .statusCode(200)
                        .body("status", equalTo(status)));
    }

    private static Shelter shelterOf(List<Shelter> shelters, String placementId) {
        String shelterId = placementShelter(placementId);
        return shelters.stream()
                .filter(s -> s.id.toString().equals(shelterId))
                .findFirst()
                .orElseThrow();
    }

    private void assertNoLeak(String referralId) throws Exception {
        List<String> secrets = List.of(CANARY, PHONE_CANARY, "rue du Canari", MEETING_POINT, "dégât des eaux");
        // Alerts: webhooks and e-mails.
        assertThat(receiver.deliveries()).isNotEmpty();
        for (WebhookReceiver.Delivery delivery : receiver.deliveries()) {
            assertClean("webhook body", delivery.body(), secrets);
        }
        MimeMessage[] mails = suite.smtp.getReceivedMessages();
        assertThat(mails).isNotEmpty();
        for (MimeMessage mail : mails) {
            ByteArrayOutputStream raw = new ByteArrayOutputStream();
            mail.writeTo(raw);
            assertClean("e-mail", raw.toString(StandardCharsets.UTF_8), secrets);
        }
        // Every record of every topic, dead-letter topics included: value and headers.
        KafkaEvents events = new KafkaEvents(suite.broker.bootstrapServers());
        List<String> topics = Topics.ALL.stream()
                .flatMap(t -> Stream.of(t, Topics.deadLetter(t)))
                .toList();
        int records = 0;
        // ... and each record of the main topics is what the AsyncAPI document promises a consumer.
        EventContract contract = EventContract.read(suite.root);
        List<String> offContract = new ArrayList<>();
        for (String topic : topics) {
            for (ConsumerRecord<String, String> record : events.records(topic)) {
                records++;
                if (Topics.ALL.contains(topic)) {
                    contract.violations(record).forEach(v -> offContract.add(topic + " " + v));
                }
                StringBuilder text = new StringBuilder(String.valueOf(record.value()));
                for (Header header : record.headers()) {
                    text.append(new String(header.value(), StandardCharsets.UTF_8));
                }
                assertClean("record on " + topic, text.toString(), secrets);
            }
        }
        assertThat(records).isGreaterThan(5);
        assertThat(offContract)
                .as("records outside api/acse-events.asyncapi.yaml")
                .isEmpty();
        // Every service's log.
        for (ServiceLog log : serviceLogs()) {
            assertClean(log.name, log.text, secrets);
        }
        // ... and yet an operator can follow the referral through them: one line per business event, ids only.
        String logs = serviceLogs().stream().map(ServiceLog::text).reduce("", String::concat);
        for (String event : List.of(
                "referral.submitted",
                "placement.searching",
                "placement.proposed",
                "placement.declined",
                "placement.accepted",
                "placement.cancelled",
                "placement.arrived",
                "alert.delivered")) {
            assertThat(logs).as("the log line of " + event).contains(event + " referral=" + referralId);
        }
        // Every row of every table of the three schemas, as text: only ciphertext may hold the identity.
        try (Connection c = suite.database.connect()) {
            List<String> tables = new ArrayList<>();
            try (ResultSet rs = c.createStatement()
                    .executeQuery("SELECT table_schema || '.' || table_name FROM"
                            + " information_schema.tables WHERE table_schema IN ('intake','placement','notification')"
                            + " AND table_type = 'BASE TABLE'")) {
                while (rs.next()) {
                    tables.add(rs.getString(1));
                }
            }
            assertThat(tables).hasSizeGreaterThan(6);
            for (String table : tables) {
                try (ResultSet rs = c.createStatement().executeQuery("SELECT t::text FROM " + table + " t")) {
                    while (rs.next()) {
                        assertClean("table " + table, rs.getString(1), secrets);
                    }
                }
            }
        }
        assertThat(referralId).isNotBlank();
    }

    private record ServiceLog(String name, String text) {}

    private static List<ServiceLog> serviceLogs() throws Exception {
        List<ServiceLog> logs = new ArrayList<>();
        for (var service : Suite.SERVICES.stream()
                .flatMap(name -> suite.suite.instances(name).stream())
                .toList()) {
            logs.add(new ServiceLog(service.name() + " log", Files.readString(service.log(), StandardCharsets.UTF_8)));
        }
        return logs;
    }

    private static void assertClean(String where, String text, List<String> secrets) {
        for (String secret : secrets) {
            assertThat(text).as("personal data in " + where).doesNotContain(secret);
        }
    }

    /** The referral's one held placement, once it is not {@code previous}. */
    private static String awaitHeldPlacement(String referralId, String previous) {
        return await().atMost(Duration.ofSeconds(60))
                .until(
                        () -> given().auth()
                                .oauth2(suite.identities.coordinator())
                                .queryParam("referralId", referralId)
                                .queryParam("status", "HELD")
                                .get(suite.placement.url() + "/api/v1/placements")
                                .then()
                                .statusCode(200)
                                .extract()
                                .<List<String>>path("items.id"),
                        ids -> ids.size() == 1 && !ids.get(0).equals(previous))
                .get(0);
    }

    private static String placementShelter(String placementId) {
        return given().auth()
                .oauth2(suite.identities.coordinator())
                .get(suite.placement.url() + "/api/v1/placements/" + placementId)
                .then()
                .statusCode(200)
                .extract()
                .path("shelterId");
    }

    private record Shelter(String code, UUID id) {
        String staffToken() {
            return suite.identities.staff(code, id);
        }
    }

    private static Shelter registerShelter(String code, String communeCode) {
        return new Shelter(
                code,
                suite.registerShelter(Map.of(
                        "code",
                        code,
                        "name",
                        "Foyer " + code,
                        "communeCode",
                        communeCode,
                        "address",
                        "12 rue des Lilas",
                        "active",
                        true,
                        "accepts",
                        Map.of("genders", List.of("MALE"), "families", false, "maxChildren", 0),
                        "wheelchairAccessible",
                        true,
                        "support",
                        List.of("MEDICAL"),
                        "languages",
                        List.of("fr", "ar"),
                        "units",
                        List.of(Map.of("capacity", 1)))));
    }

    private static void registerChannels(Shelter shelter) {
        suite.registerChannels(
                shelter.id,
                List.of("equipe-" + shelter.code.toLowerCase() + "@foyers.invalid"),
                receiver.url("/" + shelter.id),
                "whsec_Y2FuYXJ5LXdlYmhvb2stc2VjcmV0LTAxMjM0NTY=");
    }

    private static String canaryReferral() {
        return """
                {"person":{"firstName":"%1$s","lastName":"%1$sson","birthDate":"1990-07-21","nationality":"MA",
                           "phone":"%2$s"},
                 "gender":"MALE","birthDate":"1990-07-21","children":[],"languages":["ar","fr"],
                 "needs":{"wheelchairAccess":true,"psychologicalSupport":false,"medicalCare":true,"interpreter":false},
                 "exploitation":["LABOUR"],"dangerZones":[{"communeCode":"59350"}],
                 "currentLocation":{"communeCode":"59350"},"urgency":"IMMEDIATE",
                 "consent":{"dataSharing":true,"recordedAt":"2026-11-28T08:00:00Z"},
                 "notes":"Contact %1$s via rue du Canari, tel %2$s"}""".formatted(CANARY, PHONE_CANARY);
    }
}
