package org.acse.placement.shelter;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.acse.common.events.DangerZone;
import org.acse.common.events.EventType;
import org.acse.common.events.Gender;
import org.acse.common.events.Household;
import org.acse.common.events.Needs;
import org.acse.common.events.PlacementProposed;
import org.acse.common.events.ReferralSubmitted;
import org.acse.common.events.Urgency;
import org.acse.placement.Fixtures;
import org.acse.testsupport.KafkaEvents;
import org.acse.testsupport.Tokens;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Schemes of places through the API: a scheme and its shelters, its places, one scheme per shelter, what staff
 * see, its figures, and a referral that asks for it (placed in it from far away, never near its danger zone).
 */
@QuarkusTest
class SchemeRegistryTest {
    static final String TOULON = "83137";
    static final String NICE = "06088";

    final KafkaEvents kafka = KafkaEvents.onSharedBroker();

    @Inject
    Fixtures fixtures;

    @BeforeEach
    void cleanNetwork() {
        fixtures.reset();
    }

    static String code() {
        return "S" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
    }

    static JsonPath scheme(String code) {
        return given().auth()
                .oauth2(Tokens.coordinator())
                .contentType("application/json")
                .body("""
                        {"code":"%s","name":"Dispositif %s","description":"Places at short notice, global support"}""".formatted(code, code))
                .post("/api/v1/schemes")
                .then()
                .statusCode(201)
                .extract()
                .jsonPath();
    }

    static String shelterBody(String code, String commune, String schemeCode, int... capacities) {
        StringBuilder units = new StringBuilder();
        for (int c : capacities) {
            units.append(units.isEmpty() ? "" : ",")
                    .append("{\"capacity\":")
                    .append(c)
                    .append('}');
        }
        return """
                {"code":"%s","name":"Maison %s","communeCode":"%s","address":"5 rue discrète",
                 "accepts":{"genders":["FEMALE","MALE","NON_BINARY"],"families":true,"maxChildren":3},
                 "wheelchairAccessible":true,"support":["PSYCHOLOGICAL","FRENCH_LESSONS","LEGAL","SOCIAL","MEDICAL"],
                 "languages":["fr","en"],"units":[%s]%s}""".formatted(
                code, commune, commune, units, schemeCode == null ? "" : ",\"schemeCode\":\"" + schemeCode + "\"");
    }

    static JsonPath shelter(String commune, String schemeCode, int... capacities) {
        return given().auth()
                .oauth2(Tokens.coordinator())
                .contentType("application/json")
                .body(shelterBody("T-" + UUID.randomUUID().toString().substring(0, 8), commune, schemeCode, capacities))
                .post("/api/v1/shelters")
                .then()
                .statusCode(201)
                .extract()
                .jsonPath();
    }

    @Test
    void aSchemeCountsThePlacesOfItsShelters() {
        String code = code();
        JsonPath created = scheme(code);
        assertThat(created.getInt("places")).isZero();
        String id = created.getString("id");
        shelter(NICE, code, 1, 2);
        shelter(TOULON, code, 3);
        shelter(Fixtures.LYON, null, 4);
        given().auth()
                .oauth2(Tokens.coordinator())
                .get("/api/v1/schemes/" + id)
                .then()
                .statusCode(200)
                .body("code", equalTo(code))
                .body("places", equalTo(6))
                .body("units", equalTo(3))
                .body("departments", containsInAnyOrder("06", "83"))
                .body("shelters", hasSize(2))
                .body("support", hasItem("FRENCH_LESSONS"))
                .body(not(Matchers.containsString("rue discrète")));
        given().auth()
                .oauth2(Tokens.coordinator())
                .get("/api/v1/schemes?size=200")
                .then()
                .statusCode(200)
                .body("items.code", hasItem(code));
        // Renamed and described again by a coordinator.
        given().auth()
                .oauth2(Tokens.coordinator())
                .contentType("application/json")
                .body("{\"code\":\"" + code + "\",\"name\":\"Destiny\",\"description\":\"06 et 83\"}")
                .put("/api/v1/schemes/" + id)
                .then()
                .statusCode(200)
                .body("name", equalTo("Destiny"))
                .body("places", equalTo(6));
    }

    @Test
    void badCodesAndDuplicatesAreNamed() {
        String code = code();
        scheme(code);
        given().auth()
                .oauth2(Tokens.coordinator())
                .contentType("application/json")
                .body("{\"code\":\"" + code + "\",\"name\":\"Again\"}")
                .post("/api/v1/schemes")
                .then()
                .statusCode(409)
                .body("errors.field", hasItem("code"));
        given().auth()
                .oauth2(Tokens.coordinator())
                .contentType("application/json")
                .body("{\"code\":\"not a code\",\"name\":\"X\"}")
                .post("/api/v1/schemes")
                .then()
                .statusCode(400)
                .body("errors.field", hasItem("code"));
        given().auth()
                .oauth2(Tokens.coordinator())
                .contentType("application/json")
                .body(shelterBody("T-" + UUID.randomUUID().toString().substring(0, 8), NICE, "NOSUCHSCHEME", 1))
                .post("/api/v1/shelters")
                .then()
                .statusCode(400)
                .body("errors.field", hasItem("schemeCode"));
        given().auth()
                .oauth2(Tokens.coordinator())
                .get("/api/v1/schemes/" + UUID.randomUUID())
                .then()
                .statusCode(404);
    }

    @Test
    void aShelterBelongsToAtMostOneScheme() {
        String first = code();
        String second = code();
        scheme(first);
        String secondId = scheme(second).getString("id");
        JsonPath shelter = shelter(NICE, first, 1);
        String shelterId = shelter.getString("id");
        // Through the scheme's list of shelters...
        given().auth()
                .oauth2(Tokens.coordinator())
                .contentType("application/json")
                .body("{\"shelterIds\":[\"" + shelterId + "\"]}")
                .put("/api/v1/schemes/" + secondId + "/shelters")
                .then()
                .statusCode(409)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("shelterIds[0]"));
        // ...and through the shelter itself.
        given().auth()
                .oauth2(Tokens.coordinator())
                .contentType("application/json")
                .body(shelterBody(shelter.getString("code"), NICE, second, 1)
                        .replace(
                                "{\"capacity\":1}",
                                "{\"id\":\"" + shelter.getString("units[0].id") + "\",\"capacity\":1}"))
                .put("/api/v1/shelters/" + shelterId)
                .then()
                .statusCode(409)
                .body("errors[0].field", equalTo("schemeCode"));
        // An update that does not name a scheme keeps the shelter's.
        given().auth()
                .oauth2(Tokens.coordinator())
                .contentType("application/json")
                .body(shelterBody(shelter.getString("code"), NICE, null, 2))
                .put("/api/v1/shelters/" + shelterId)
                .then()
                .statusCode(200)
                .body("scheme.code", equalTo(first));
        // Out of the first scheme, it may join the second.
        String firstId = given().auth()
                .oauth2(Tokens.coordinator())
                .get("/api/v1/shelters/" + shelterId)
                .then()
                .extract()
                .path("scheme.id");
        given().auth()
                .oauth2(Tokens.coordinator())
                .contentType("application/json")
                .body("{\"shelterIds\":[]}")
                .put("/api/v1/schemes/" + firstId + "/shelters")
                .then()
                .statusCode(200)
                .body("shelters", hasSize(0));
        given().auth()
                .oauth2(Tokens.coordinator())
                .get("/api/v1/shelters/" + shelterId)
                .then()
                .body("scheme", nullValue());
        given().auth()
                .oauth2(Tokens.coordinator())
                .contentType("application/json")
                .body("{\"shelterIds\":[\"" + shelterId + "\"]}")
                .put("/api/v1/schemes/" + secondId + "/shelters")
                .then()
                .statusCode(200)
                .body("shelters[0].id", equalTo(shelterId))
                .body("places", equalTo(2));
        given().auth()
                .oauth2(Tokens.coordinator())
                .contentType("application/json")
                .body("{\"shelterIds\":[\"" + UUID.randomUUID() + "\"]}")
                .put("/api/v1/schemes/" + secondId + "/shelters")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("shelterIds[0]"));
    }

    @Test
    void staffSeeTheirSchemeOnTheirShelterAndNothingOfTheOtherShelters() {
        String code = code();
        String id = scheme(code).getString("id");
        UUID mine = Fixtures.id(shelter(NICE, code, 1));
        shelter(TOULON, code, 2);
        UUID outside = Fixtures.id(shelter(Fixtures.LYON, null, 1));
        given().auth()
                .oauth2(Tokens.staff(mine))
                .get("/api/v1/shelters/" + mine)
                .then()
                .statusCode(200)
                .body("scheme.name", equalTo("Dispositif " + code))
                .body("scheme.code", equalTo(code));
        given().auth()
                .oauth2(Tokens.staff(mine))
                .get("/api/v1/schemes/" + id)
                .then()
                .statusCode(200)
                .body("places", equalTo(3))
                .body("shelters.id", Matchers.contains(mine.toString()));
        given().auth()
                .oauth2(Tokens.staff(mine))
                .get("/api/v1/schemes")
                .then()
                .statusCode(200)
                .body("items.code", Matchers.contains(code))
                .body("total", equalTo(1));
        given().auth()
                .oauth2(Tokens.staff(outside))
                .get("/api/v1/schemes/" + id)
                .then()
                .statusCode(404);
        given().auth()
                .oauth2(Tokens.staff(outside))
                .get("/api/v1/schemes")
                .then()
                .statusCode(200)
                .body("items", hasSize(0));
        given().auth()
                .oauth2(Tokens.staff(mine))
                .get("/api/v1/schemes/" + id + "/occupancy")
                .then()
                .statusCode(403);
    }

    @Test
    void aReferralFromFarAwayAskingForTheSchemeIsPlacedInItAndTheFiguresSayHeld() {
        String code = code();
        String id = scheme(code).getString("id");
        JsonPath toulon = shelter(TOULON, code, 1);
        shelter(NICE, code, 1);
        shelter(Fixtures.LYON, null, 1); // nearer from Paris: first without the preference
        ReferralSubmitted fromParis = referral(Fixtures.PARIS, code.toLowerCase());
        kafka.publish(EventType.REFERRAL_SUBMITTED, fromParis);
        PlacementProposed proposed =
                kafka.await(EventType.PLACEMENT_PROPOSED, fromParis.referralId(), PlacementProposed.class);
        JsonPath held = given().auth()
                .oauth2(Tokens.coordinator())
                .get("/api/v1/shelters/" + proposed.shelterId())
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertThat(held.getString("scheme.code")).isEqualTo(code);
        JsonPath explanation = given().auth()
                .oauth2(Tokens.coordinator())
                .get("/api/v1/referrals/" + fromParis.referralId() + "/matching")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertThat(explanation.getBoolean("preferredScheme.applied")).isTrue();
        assertThat(explanation.getString("preferredScheme.code")).isEqualTo(code);
        assertThat(explanation.getString("preferredScheme.summary")).contains("Preference applied");
        assertThat(explanation.getBoolean("shelters[0].score.preferenceApplied"))
                .isTrue();
        given().auth()
                .oauth2(Tokens.coordinator())
                .get("/api/v1/schemes/" + id + "/occupancy")
                .then()
                .statusCode(200)
                .body("places", equalTo(2))
                .body("held", equalTo(1))
                .body("free", equalTo(1))
                .body("given", equalTo(0))
                .body("shelters", equalTo(2));
        assertThat(toulon.getString("id")).isNotBlank();
    }

    @Test
    void inDangerNearTheSchemeTheReferralGoesFarFromItAnyway() {
        String code = code();
        scheme(code);
        shelter(NICE, code, 1);
        shelter(TOULON, code, 1);
        UUID lyon = Fixtures.id(shelter(Fixtures.LYON, null, 1));
        ReferralSubmitted fromNice = referral(NICE, code);
        kafka.publish(EventType.REFERRAL_SUBMITTED, fromNice);
        PlacementProposed proposed =
                kafka.await(EventType.PLACEMENT_PROPOSED, fromNice.referralId(), PlacementProposed.class);
        assertThat(proposed.shelterId()).isEqualTo(lyon);
        JsonPath explanation = given().auth()
                .oauth2(Tokens.coordinator())
                .get("/api/v1/referrals/" + fromNice.referralId() + "/matching")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertThat(explanation.getBoolean("preferredScheme.applied")).isFalse();
        assertThat(explanation.getMap("preferredScheme.exclusionsInScheme"))
                .containsKeys("IN_DANGER_ZONE_DEPARTMENT", "TOO_CLOSE_TO_DANGER_ZONE");
    }

    /** A woman alone in danger where she is, asking for a scheme. */
    static ReferralSubmitted referral(String commune, String scheme) {
        return new ReferralSubmitted(
                UUID.randomUUID(),
                "R-S" + UUID.randomUUID().toString().substring(0, 4),
                Tokens.ORG_A,
                new Household(Gender.FEMALE, 29, List.of()),
                Needs.NONE,
                List.of("fr"),
                Urgency.IMMEDIATE,
                List.of(DangerZone.commune(commune)),
                commune,
                200,
                Instant.now(),
                null,
                scheme);
    }
}
