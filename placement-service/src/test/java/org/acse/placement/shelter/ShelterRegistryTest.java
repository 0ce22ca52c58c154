package org.acse.placement.shelter;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.acse.placement.Fixtures;
import org.acse.testsupport.Tokens;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;

/** The registry through its API: validation, confidentiality of the address, units and their availability. */
@QuarkusTest
class ShelterRegistryTest {
    @Inject
    Fixtures fixtures;

    static String body(String code, String commune, String units) {
        return """
                {"code":"%s","name":"Maison","communeCode":"%s","address":"3 impasse secrète",
                 "accepts":{"genders":["FEMALE"],"families":true,"maxChildren":3,"childMaxAge":12},
                 "wheelchairAccessible":false,"support":["LEGAL","FRENCH_LESSONS"],"languages":["fr","ar"],
                 "units":%s}""".formatted(code, commune, units);
    }

    static String code() {
        return "R-" + UUID.randomUUID().toString().substring(0, 8);
    }

    @Test
    void aShelterIsCreatedWithIdsForItselfAndItsUnits() {
        String code = code();
        given().auth()
                .oauth2(Tokens.coordinator())
                .contentType("application/json")
                .body(body(code, "35238", "[{\"capacity\":1},{\"capacity\":4}]"))
                .post("/api/v1/shelters")
                .then()
                .statusCode(201)
                .header("Location", notNullValue())
                .body("id", notNullValue())
                .body("code", equalTo(code))
                .body("departmentCode", equalTo("35"))
                .body("units", hasSize(2))
                .body("units[0].id", notNullValue())
                .body("units[1].capacity", equalTo(4))
                .body("units[0].status", equalTo("FREE"))
                .body("accepts.childMaxAge", equalTo(12));
    }

    @Test
    void coordinatorsSearchSheltersByCodeOrName() {
        JsonPath shelter = Fixtures.shelter("44109", 1);
        String code = shelter.getString("code");
        given().auth()
                .oauth2(Tokens.coordinator())
                .get("/api/v1/shelters?q=" + code.toLowerCase().substring(2))
                .then()
                .statusCode(200)
                .body("total", equalTo(1))
                .body("items[0].code", equalTo(code));
        // A wildcard typed is a character searched for, not "anything".
        given().auth()
                .oauth2(Tokens.coordinator())
                .get("/api/v1/shelters?q=%25")
                .then()
                .statusCode(200)
                .body("total", equalTo(0));
        given().auth()
                .oauth2(Tokens.coordinator())
                .get("/api/v1/shelters?q=" + "x".repeat(101))
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("q"));
    }

    @Test
    void anUnknownCommuneIsA400NamingTheFieldAndNothingIsStored() {
        long before = fixtures.count("SELECT count(*) FROM shelter");
        given().auth()
                .oauth2(Tokens.coordinator())
                .contentType("application/json")
                .body(body(code(), "99999", "[{\"capacity\":1}]"))
                .post("/api/v1/shelters")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", hasItem("communeCode"))
                .body(not(Matchers.containsString("99999")));
        assertThat(fixtures.count("SELECT count(*) FROM shelter")).isEqualTo(before);
    }

    @Test
    void badFieldsAreNamed() {
        given().auth()
                .oauth2(Tokens.coordinator())
                .contentType("application/json")
                .body(body("", "35238", "[{\"capacity\":0}]"))
                .post("/api/v1/shelters")
                .then()
                .statusCode(400)
                .body("errors.field", hasItem("code"))
                .body("errors.field", hasItem("units[0].capacity"));
        given().auth()
                .oauth2(Tokens.coordinator())
                .contentType("application/json")
                .body(body(code(), "35238", "[]"))
                .post("/api/v1/shelters")
                .then()
                .statusCode(400)
                .body("errors.field", hasItem("units"));
        given().auth()
                .oauth2(Tokens.coordinator())
                .contentType("application/json")
                .body(body(code(), "35238", "[{\"capacity\":1}]").replace("\"LEGAL\"", "\"MAGIC\""))
                .post("/api/v1/shelters")
                .then()
                .statusCode(400);
    }

    @Test
    void aDuplicateCodeIsAConflict() {
        String code = code();
        given().auth()
                .oauth2(Tokens.coordinator())
                .contentType("application/json")
                .body(body(code, "35238", "[{\"capacity\":1}]"))
                .post("/api/v1/shelters")
                .then()
                .statusCode(201);
        given().auth()
                .oauth2(Tokens.coordinator())
                .contentType("application/json")
                .body(body(code, "44109", "[{\"capacity\":1}]"))
                .post("/api/v1/shelters")
                .then()
                .statusCode(409);
    }

    @Test
    void readingTheAddressIsAudited() {
        JsonPath shelter = Fixtures.shelter("44109", 1);
        UUID id = Fixtures.id(shelter);
        given().auth()
                .oauth2(Tokens.staff(id))
                .get("/api/v1/shelters/" + id)
                .then()
                .statusCode(200)
                .body("address", equalTo("12 rue confidentielle"));
        given().auth()
                .oauth2(Tokens.coordinator())
                .get("/api/v1/audit?targetType=shelter&targetId=" + id)
                .then()
                .statusCode(200)
                .body("items.action", hasItem("shelter.address.read"))
                .body("items.subject", hasItem("staff@" + id));
    }

    @Test
    void anUpdateKeepsNamedUnitsAddsNewOnesAndRetiresTheRest() {
        JsonPath shelter = Fixtures.shelter("44109", 1, 2);
        UUID id = Fixtures.id(shelter);
        UUID kept = Fixtures.unit(shelter, 1);
        JsonPath updated = given().auth()
                .oauth2(Tokens.coordinator())
                .contentType("application/json")
                .body(body(
                        shelter.getString("code"),
                        "44109",
                        "[{\"id\":\"" + kept + "\",\"capacity\":3},{\"capacity\":5}]"))
                .put("/api/v1/shelters/" + id)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertThat(updated.getList("units.id"))
                .hasSize(2)
                .contains(kept.toString())
                .doesNotContain(Fixtures.unit(shelter, 0).toString());
        assertThat(updated.getList("units.capacity", Integer.class)).containsExactly(3, 5);
        given().auth()
                .oauth2(Tokens.coordinator())
                .contentType("application/json")
                .body(body(
                        shelter.getString("code"), "44109", "[{\"id\":\"" + UUID.randomUUID() + "\",\"capacity\":3}]"))
                .put("/api/v1/shelters/" + id)
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("units[0].id"));
        given().auth()
                .oauth2(Tokens.coordinator())
                .contentType("application/json")
                .body(body(code(), "44109", "[{\"capacity\":1}]"))
                .put("/api/v1/shelters/" + UUID.randomUUID())
                .then()
                .statusCode(404);
    }

    @Test
    void staffPublishAvailabilityWhichIsConfirmedStaleAfterADayAndConfirmedAgainAsItIs() {
        JsonPath shelter = Fixtures.shelter("44109", 1);
        UUID id = Fixtures.id(shelter);
        UUID unit = Fixtures.unit(shelter, 0);
        Instant tomorrow = Instant.now().plus(1, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
        given().auth()
                .oauth2(Tokens.staff(id))
                .contentType("application/json")
                .body("{\"status\":\"OCCUPIED\",\"availableFrom\":\"" + tomorrow + "\"}")
                .put("/api/v1/shelters/" + id + "/units/" + unit + "/availability")
                .then()
                .statusCode(200)
                .body("status", equalTo("OCCUPIED"))
                .body("availableFrom", equalTo(tomorrow.toString()))
                .body("stale", equalTo(false))
                .body("lastConfirmedAt", notNullValue());
        given().auth()
                .oauth2(Tokens.staff(id))
                .contentType("application/json")
                .body("{\"status\":\"BROKEN\"}")
                .put("/api/v1/shelters/" + id + "/units/" + unit + "/availability")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("status"));
        given().auth()
                .oauth2(Tokens.staff(id))
                .contentType("application/json")
                .body("{\"status\":\"FREE\"}")
                .put("/api/v1/shelters/" + id + "/units/" + UUID.randomUUID() + "/availability")
                .then()
                .statusCode(404);
        fixtures.ageConfirmation(unit);
        given().auth()
                .oauth2(Tokens.staff(id))
                .get("/api/v1/shelters/" + id)
                .then()
                .statusCode(200)
                .body("units[0].stale", equalTo(true));
        // "still as it is": the same status and availability sent again is the place's confirmation
        given().auth()
                .oauth2(Tokens.staff(id))
                .contentType("application/json")
                .body("{\"status\":\"OCCUPIED\",\"availableFrom\":\"" + tomorrow + "\"}")
                .put("/api/v1/shelters/" + id + "/units/" + unit + "/availability")
                .then()
                .statusCode(200)
                .body("stale", equalTo(false));
        given().auth()
                .oauth2(Tokens.staff(id))
                .get("/api/v1/shelters/" + id)
                .then()
                .statusCode(200)
                .body("units[0].status", equalTo("OCCUPIED"))
                .body("units[0].availableFrom", equalTo(tomorrow.toString()))
                .body("units[0].stale", equalTo(false));
    }
}
