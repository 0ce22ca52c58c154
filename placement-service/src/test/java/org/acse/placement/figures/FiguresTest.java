package org.acse.placement.figures;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.acse.common.events.EventType;
import org.acse.common.events.PlacementProposed;
import org.acse.common.events.ReferralSubmitted;
import org.acse.placement.Fixtures;
import org.acse.testsupport.KafkaEvents;
import org.acse.testsupport.Tokens;
import org.hibernate.query.TypedParameterValue;
import org.hibernate.type.StandardBasicTypes;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The coordinators' figures on a real database: the rows of a month nobody else uses (March 2031, Paris time), so
 * that what other tests leave does not count; a shown cell and a suppressed one in each figure.
 */
@QuarkusTest
class FiguresTest {
    static final Instant MARCH_2031 = Instant.parse("2031-03-10T09:00:00Z");
    static final String PERIOD = "from=2031-03&to=2031-03";

    @Inject
    Fixtures fixtures;

    @Inject
    EntityManager em;

    UUID shelter;
    UUID unit;
    UUID schemeShelter;
    UUID schemeUnit;
    String scheme;

    @BeforeEach
    void network() {
        fixtures.reset();
        JsonPath x = Fixtures.shelter(Fixtures.MARSEILLE, 1);
        JsonPath y = Fixtures.shelter(Fixtures.RENNES, 1);
        shelter = Fixtures.id(x);
        unit = Fixtures.unit(x, 0);
        schemeShelter = Fixtures.id(y);
        schemeUnit = Fixtures.unit(y, 0);
        scheme = "F" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        String id = given().auth()
                .oauth2(Tokens.coordinator())
                .contentType("application/json")
                .body("{\"code\":\"" + scheme + "\",\"name\":\"Scheme F\"}")
                .post("/api/v1/schemes")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        given().auth()
                .oauth2(Tokens.coordinator())
                .contentType("application/json")
                .body("{\"shelterIds\":[\"" + schemeShelter + "\"]}")
                .put("/api/v1/schemes/" + id + "/shelters")
                .then()
                .statusCode(200);
    }

    /** A suppressed cell: no number, only the fact. */
    static final Map<String, Object> SUPPRESSED = new HashMap<>();

    static {
        SUPPRESSED.put("value", null);
        SUPPRESSED.put("suppressed", true);
    }

    @Test
    void aReferralIsCountedFromItsSubmissionToItsAcceptance() {
        ReferralSubmitted referral = Fixtures.womanInNice();
        KafkaEvents kafka = KafkaEvents.onSharedBroker();
        kafka.publish(EventType.REFERRAL_SUBMITTED, referral);
        UUID placement = kafka.await(EventType.PLACEMENT_PROPOSED, referral.referralId(), PlacementProposed.class)
                .placementId();
        given().auth()
                .oauth2(Tokens.coordinator())
                .contentType("application/json")
                .body("{}")
                .post("/api/v1/placements/" + placement + "/accept")
                .then()
                .statusCode(200);
        List<Object> row =
                fixtures.list("SELECT o.urgency || ' ' || o.department_code || ' ' || (p.accepted_at IS NOT NULL)"
                        + " FROM outcome o JOIN placement p ON p.outcome_id = o.id WHERE o.referral_id = '"
                        + referral.referralId() + "'");
        assertThat(row).containsExactly("IMMEDIATE 06 true");
    }

    @Test
    void delaysOfFewerThanFiveReferralsAreSuppressed() {
        monthOfReferrals();
        JsonPath delays = figure("delays?by=urgency&" + PERIOD);
        assertThat(delays.getString("by")).isEqualTo("urgency");
        assertThat(delays.getList("rows.group")).containsExactly("IMMEDIATE");
        // Six proposed after 1 to 6 hours; six accepted; three arrived.
        assertThat(delays.getLong("rows[0].toProposal.referrals.value")).isEqualTo(6);
        assertThat(delays.getLong("rows[0].toProposal.medianMinutes")).isEqualTo(180);
        assertThat(delays.getLong("rows[0].toProposal.p90Minutes")).isEqualTo(360);
        assertThat(delays.getLong("rows[0].toAcceptance.referrals.value")).isEqualTo(6);
        assertThat(delays.getBoolean("rows[0].toArrival.referrals.suppressed")).isTrue();
        assertThat((Object) delays.get("rows[0].toArrival.referrals.value")).isNull();
        assertThat((Object) delays.get("rows[0].toArrival.medianMinutes")).isNull();

        JsonPath inScheme = figure("delays?by=month&scheme=" + scheme + "&" + PERIOD);
        assertThat(inScheme.getString("scheme")).isEqualTo(scheme);
        assertThat(inScheme.getList("rows.group")).containsExactly("2031-03");
        assertThat(inScheme.getBoolean("rows[0].toProposal.referrals.suppressed"))
                .isTrue();
    }

    @Test
    void declinesByReasonWithTheSmallOnesSuppressed() {
        monthOfReferrals();
        JsonPath declines = figure("declines?by=region&" + PERIOD);
        assertThat(declines.getList("rows", Map.class))
                .containsExactly(
                        Map.of("group", "93", "reason", "SAFETY_CONCERN", "declines", SUPPRESSED),
                        Map.of("group", "93", "reason", "STAFF_UNAVAILABLE", "declines", cell(5)));
    }

    @Test
    void noMatchRateShownOnlyForFiveOrMore() {
        monthOfReferrals();
        JsonPath noMatch = figure("no-match?by=urgency&" + PERIOD);
        assertThat(noMatch.getList("rows.group")).containsExactly("IMMEDIATE", "WITHIN_72H");
        assertThat(noMatch.getLong("rows[0].referrals.value")).isEqualTo(6);
        assertThat(noMatch.getBoolean("rows[0].noMatch.suppressed")).isTrue();
        assertThat((Object) noMatch.get("rows[0].percent")).isNull();
        assertThat(noMatch.getLong("rows[1].noMatch.value")).isEqualTo(5);
        assertThat(noMatch.getDouble("rows[1].percent")).isEqualTo(100.0);
        // Cut by scheme, the referrals that asked for it: two.
        JsonPath asked = figure("no-match?by=month&scheme=" + scheme + "&" + PERIOD);
        assertThat(asked.getBoolean("rows[0].referrals.suppressed")).isTrue();
    }

    @Test
    void aBadParameterIsNamed() {
        for (String[] bad : new String[][] {
            {"delays?by=shelter", "by"},
            {"declines?scheme=NO-SUCH-SCHEME", "scheme"},
            {"no-match?from=2031-3", "from"},
            {"delays?from=2031-04&to=2031-03", "to"}
        }) {
            given().auth()
                    .oauth2(Tokens.coordinator())
                    .get("/api/v1/figures/" + bad[0])
                    .then()
                    .statusCode(400)
                    .contentType("application/problem+json")
                    .body("errors[0].field", equalTo(bad[1]));
        }
    }

    static Map<String, Object> cell(long value) {
        return Map.of("value", (int) value, "suppressed", false);
    }

    static JsonPath figure(String path) {
        return given().auth()
                .oauth2(Tokens.coordinator())
                .get("/api/v1/figures/" + path)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
    }

    /**
     * March 2031, all in the Bouches-du-Rhône (region 93): six IMMEDIATE referrals proposed after i hours, accepted
     * an hour later, three of them arrived, three proposed in the scheme; five declines for staff, one for safety;
     * five WITHIN_72H referrals without a match, two of them asking for the scheme.
     */
    @Transactional
    void monthOfReferrals() {
        em.createNativeQuery(
                        "DELETE FROM placement WHERE outcome_id IN"
                                + " (SELECT id FROM outcome WHERE submitted_at >= '2031-01-01' AND submitted_at < '2032-01-01')")
                .executeUpdate();
        em.createNativeQuery("DELETE FROM outcome WHERE submitted_at >= '2031-01-01' AND submitted_at < '2032-01-01'")
                .executeUpdate();
        for (int i = 1; i <= 6; i++) {
            UUID outcome = outcome("IMMEDIATE", false, null);
            Instant proposed = MARCH_2031.plus(Duration.ofHours(i));
            boolean inScheme = i <= 3;
            placement(
                    outcome,
                    inScheme ? schemeShelter : shelter,
                    inScheme ? schemeUnit : unit,
                    i <= 3 ? "ARRIVED" : "CANCELLED",
                    proposed,
                    proposed.plus(Duration.ofHours(1)),
                    proposed.plus(Duration.ofDays(1)),
                    null);
            if (i <= 5) {
                placement(outcome, shelter, unit, "DECLINED", proposed, null, proposed, "STAFF_UNAVAILABLE");
            }
            if (i == 6) {
                placement(outcome, shelter, unit, "DECLINED", proposed, null, proposed, "SAFETY_CONCERN");
            }
        }
        for (int i = 0; i < 5; i++) {
            outcome("WITHIN_72H", true, i < 2 ? scheme : null);
        }
    }

    private UUID outcome(String urgency, boolean noMatch, String preferredScheme) {
        UUID id = UUID.randomUUID();
        em.createNativeQuery("INSERT INTO outcome (id, submitted_at, urgency, department_code, preferred_scheme,"
                        + " no_match) VALUES (:id, :at, :urgency, '13', :scheme, :noMatch)")
                .setParameter("id", id)
                .setParameter("at", MARCH_2031)
                .setParameter("urgency", urgency)
                .setParameter("scheme", new TypedParameterValue<>(StandardBasicTypes.STRING, preferredScheme))
                .setParameter("noMatch", noMatch)
                .executeUpdate();
        return id;
    }

    private void placement(
            UUID outcome,
            UUID shelterId,
            UUID unitId,
            String status,
            Instant created,
            Instant accepted,
            Instant decided,
            String reason) {
        em.createNativeQuery("INSERT INTO placement (id, shelter_id, unit_id, status, hold_expires_at, created_at,"
                        + " decided_at, accepted_at, decline_reason, outcome_id)"
                        + " VALUES (:id, :shelter, :unit, :status, :created, :created, :decided, :accepted, :reason,"
                        + " :outcome)")
                .setParameter("id", UUID.randomUUID())
                .setParameter("shelter", shelterId)
                .setParameter("unit", unitId)
                .setParameter("status", status)
                .setParameter("created", created)
                .setParameter("decided", decided)
                .setParameter("accepted", new TypedParameterValue<>(StandardBasicTypes.INSTANT, accepted))
                .setParameter("reason", new TypedParameterValue<>(StandardBasicTypes.STRING, reason))
                .setParameter("outcome", outcome)
                .executeUpdate();
    }
}
