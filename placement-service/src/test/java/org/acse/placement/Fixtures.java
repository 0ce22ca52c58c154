package org.acse.placement;

import static io.restassured.RestAssured.given;

import io.restassured.path.json.JsonPath;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import org.acse.common.events.DangerZone;
import org.acse.common.events.Gender;
import org.acse.common.events.Household;
import org.acse.common.events.Needs;
import org.acse.common.events.ReferralSubmitted;
import org.acse.common.events.Urgency;
import org.acse.placement.shelter.ShelterDirectory;
import org.acse.testsupport.Tokens;

/** Test data: shelters through the real API, referral events, and a clean network before each test. */
@ApplicationScoped
public class Fixtures {
    public static final String NICE = "06088";
    public static final String LYON = "69123";
    public static final String PARIS = "75056";
    public static final String RENNES = "35238";
    public static final String MARSEILLE = "13055";

    @Inject
    EntityManager em;

    @Inject
    ShelterDirectory directory;

    /** Every shelter of earlier tests closed, every referral of earlier tests withdrawn, every place released. */
    public void reset() {
        resetRows();
        directory.reloadAll();
    }

    @Transactional
    void resetRows() {
        // Referrals first, as every decision of the service locks them: no deadlock with one still running.
        em.createNativeQuery("UPDATE referral SET status = 'WITHDRAWN' WHERE status <> 'ARRIVED'")
                .executeUpdate();
        em.createNativeQuery("UPDATE placement SET status = 'CANCELLED' WHERE status IN ('HELD', 'ACCEPTED')")
                .executeUpdate();
        em.createNativeQuery("UPDATE shelter SET active = false").executeUpdate();
    }

    /** Makes a hold overdue, as if its deadline had passed. */
    @Transactional
    public void overdue(UUID placementId) {
        em.createNativeQuery("UPDATE placement SET hold_expires_at = now() - interval '1 second' WHERE id = :id")
                .setParameter("id", placementId)
                .executeUpdate();
    }

    /** As if the unit's availability had last been confirmed two days ago. */
    @Transactional
    public void ageConfirmation(UUID unitId) {
        em.createNativeQuery("UPDATE unit SET last_confirmed_at = now() - interval '2 days' WHERE id = :id")
                .setParameter("id", unitId)
                .executeUpdate();
    }

    /** As if the person's arrival window had closed. */
    @Transactional
    public void arrivalOverdue(UUID placementId) {
        em.createNativeQuery("UPDATE placement SET arrival_until = now() - interval '1 second' WHERE id = :id")
                .setParameter("id", placementId)
                .executeUpdate();
    }

    /** The referral's status in placement's copy, or null while its event has not been handled yet. */
    @Transactional
    public String referralStatus(UUID referralId) {
        return (String) em.createNativeQuery("SELECT status FROM referral WHERE id = :id")
                .setParameter("id", referralId)
                .getResultStream()
                .findFirst()
                .orElse(null);
    }

    /** A write straight to the database, as the runtime role, as another replica would make it. */
    @Transactional
    public int execute(String sql) {
        return em.createNativeQuery(sql).executeUpdate();
    }

    @Transactional
    @SuppressWarnings("rawtypes")
    public List list(String sql) {
        return em.createNativeQuery(sql).getResultList();
    }

    @Transactional
    public long count(String sql) {
        return ((Number) em.createNativeQuery(sql).getSingleResult()).longValue();
    }

    /** A shelter accepting everyone at a commune, with units of the given capacities (all free). */
    public static JsonPath shelter(String commune, int... capacities) {
        return shelter(commune, "[\"FEMALE\",\"MALE\",\"NON_BINARY\"]", capacities);
    }

    public static JsonPath shelter(String commune, String genders, int... capacities) {
        List<String> units = new ArrayList<>();
        for (int c : capacities) {
            units.add("{\"capacity\":" + c + "}");
        }
        String body = """
                {"code":"T-%s","name":"Shelter %s","communeCode":"%s","address":"12 rue confidentielle",
                 "accepts":{"genders":%s,"families":true,"maxChildren":4},
                 "wheelchairAccessible":true,"support":["PSYCHOLOGICAL","MEDICAL","INTERPRETER"],
                 "languages":["fr","en"],"active":true,"units":[%s]}""".formatted(
                        UUID.randomUUID().toString().substring(0, 8),
                        commune,
                        commune,
                        genders,
                        units.stream().collect(Collectors.joining(",")));
        return given().auth()
                .oauth2(Tokens.coordinator())
                .contentType("application/json")
                .body(body)
                .post("/api/v1/shelters")
                .then()
                .statusCode(201)
                .extract()
                .jsonPath();
    }

    public static UUID id(JsonPath shelter) {
        return UUID.fromString(shelter.getString("id"));
    }

    public static UUID unit(JsonPath shelter, int index) {
        return UUID.fromString(shelter.getString("units[" + index + "].id"));
    }

    /** A woman alone in danger in Nice, to be placed today. */
    public static ReferralSubmitted womanInNice() {
        return referral(Gender.FEMALE, List.of(), Urgency.IMMEDIATE);
    }

    public static ReferralSubmitted referral(Gender gender, List<Integer> children, Urgency urgency) {
        return new ReferralSubmitted(
                UUID.randomUUID(),
                "R-TEST" + UUID.randomUUID().toString().substring(0, 4),
                Tokens.ORG_A,
                new Household(gender, 31, children),
                Needs.NONE,
                List.of("fr"),
                urgency,
                List.of(DangerZone.commune(NICE)),
                NICE,
                200,
                Instant.now(),
                null,
                null);
    }
}
