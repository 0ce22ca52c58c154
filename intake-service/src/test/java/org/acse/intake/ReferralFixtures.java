package org.acse.intake;

import static io.restassured.RestAssured.given;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.restassured.specification.RequestSpecification;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.acse.common.events.Cancellation;
import org.acse.common.events.DeclineReason;
import org.acse.common.events.EventType;
import org.acse.common.events.Gender;
import org.acse.common.events.Household;
import org.acse.common.events.Needs;
import org.acse.common.events.PlacementDecided;
import org.acse.common.events.PlacementProposed;
import org.acse.common.events.Urgency;
import org.acse.testsupport.KafkaEvents;
import org.acse.testsupport.SchemaDump;
import org.awaitility.Awaitility;

/** Valid referral bodies to start from, and small helpers shared by the intake tests. */
public final class ReferralFixtures {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** A complete, valid body as a mutable tree: tests change one field and expect exactly that field refused. */
    public static Map<String, Object> validBody() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put(
                "person",
                map(
                        "firstName",
                        "Amara",
                        "lastName",
                        "Okafor",
                        "birthDate",
                        "1996-03-14",
                        "nationality",
                        "NG",
                        "phone",
                        "+33 6 12 34 56 78"));
        body.put("gender", "FEMALE");
        body.put("children", new ArrayList<>(List.of(map("age", 4))));
        body.put("languages", new ArrayList<>(List.of("fr", "en")));
        body.put(
                "needs",
                map(
                        "wheelchairAccess",
                        false,
                        "psychologicalSupport",
                        true,
                        "medicalCare",
                        false,
                        "interpreter",
                        false));
        body.put("exploitation", new ArrayList<>(List.of("SEXUAL")));
        body.put(
                "dangerZones",
                new ArrayList<>(List.of(
                        map("communeCode", "06088"),
                        map("departmentCode", "13"),
                        map("lat", 43.7, "lon", 7.26, "radiusKm", 30.0))));
        body.put("currentLocation", map("communeCode", "06088"));
        body.put("urgency", "IMMEDIATE");
        body.put(
                "consent",
                map(
                        "dataSharing",
                        true,
                        "recordedAt",
                        Instant.now().minusSeconds(600).toString()));
        body.put("notes", "Contacted by the network twice this week.");
        return body;
    }

    public static Map<String, Object> map(Object... keyValues) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            m.put((String) keyValues[i], keyValues[i + 1]);
        }
        return m;
    }

    @SuppressWarnings("unchecked")
    public static Map<String, Object> child(Map<String, Object> body, String key) {
        return (Map<String, Object>) body.get(key);
    }

    public static String json(Object body) {
        try {
            return JSON.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    public static RequestSpecification as(String token) {
        return given().auth().oauth2(token).contentType("application/json");
    }

    /** Submits a valid referral and returns its id. */
    public static UUID submit(String token) {
        return submit(token, validBody());
    }

    public static UUID submit(String token, Map<String, Object> body) {
        String id = as(token)
                .body(json(body))
                .post("/api/v1/referrals")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        return UUID.fromString(id);
    }

    /** {@code placement.proposed}: a place of this shelter held for the referral. */
    public static PlacementProposed proposed(UUID referral, UUID placement, UUID shelter, Instant at) {
        return new PlacementProposed(
                placement,
                referral,
                shelter,
                UUID.randomUUID(),
                "R-TEST0000",
                new Household(Gender.FEMALE, 30, List.of()),
                Needs.NONE,
                List.of("fr"),
                Urgency.IMMEDIATE,
                at,
                at.plus(Duration.ofHours(1)),
                at);
    }

    /** The data of {@code accepted}, {@code declined}, {@code expired}, {@code no-show}, {@code arrived}. */
    public static PlacementDecided decided(UUID referral, UUID placement, UUID shelter, Instant at) {
        return new PlacementDecided(placement, referral, shelter, UUID.randomUUID(), null, null, at);
    }

    /** {@code placement.cancelled}, with its cause (and the reason code of a back-out). */
    public static PlacementDecided cancelled(
            UUID referral, UUID placement, UUID shelter, Cancellation cancellation, Instant at) {
        return new PlacementDecided(
                placement,
                referral,
                shelter,
                UUID.randomUUID(),
                cancellation == Cancellation.BACKED_OUT ? DeclineReason.SAFETY_CONCERN.name() : null,
                cancellation,
                at);
    }

    /** Publishes {@code placement.accepted} by this shelter on the real broker and waits until intake applied it. */
    public static UUID acceptOnBroker(UUID referralId, UUID shelterId, String coordinatorToken) {
        UUID placementId = UUID.randomUUID();
        KafkaEvents.onSharedBroker()
                .publish(
                        EventType.PLACEMENT_ACCEPTED,
                        new PlacementDecided(
                                placementId, referralId, shelterId, UUID.randomUUID(), null, null, Instant.now()));
        awaitStatus(referralId, "ACCEPTED", coordinatorToken);
        return placementId;
    }

    public static void awaitStatus(UUID referralId, String status, String token) {
        Awaitility.await()
                .atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(100))
                .until(() -> status.equals(given().auth()
                        .oauth2(token)
                        .get("/api/v1/referrals/" + referralId)
                        .then()
                        .extract()
                        .path("status")));
    }

    /** Waits until intake's consumer has handled these events (applied or deliberately ignored). */
    public static void awaitProcessed(DataSource dataSource, UUID... eventIds) {
        StringBuilder in = new StringBuilder();
        for (UUID id : eventIds) {
            in.append(in.isEmpty() ? "" : ",").append('\'').append(id).append('\'');
        }
        Awaitility.await()
                .atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(100))
                .until(() -> count(dataSource, "SELECT count(*) FROM processed_event WHERE event_id IN (" + in + ")")
                        == eventIds.length);
    }

    /** Row counts of the tables a submission writes: equal before and after a refused request. */
    public static Map<String, Long> counts(DataSource dataSource) {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (String table : List.of("referral", "referral_status_change", "outbox_message", "idempotency_key")) {
            counts.put(table, count(dataSource, "SELECT count(*) FROM " + table));
        }
        return counts;
    }

    public static long count(DataSource dataSource, String sql) {
        try (Connection c = dataSource.getConnection();
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Every row of every table of the intake schema, as text. */
    public static String dumpSchema(DataSource dataSource) {
        return SchemaDump.of(dataSource, "intake");
    }

    private ReferralFixtures() {}
}
