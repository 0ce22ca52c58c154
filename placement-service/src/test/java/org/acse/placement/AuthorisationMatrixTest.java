package org.acse.placement;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import org.acse.common.events.EventType;
import org.acse.common.events.PlacementProposed;
import org.acse.common.events.ReferralSubmitted;
import org.acse.testsupport.KafkaEvents;
import org.acse.testsupport.Tokens;
import org.junit.jupiter.api.Test;

/**
 * Every endpoint of placement-service × every kind of caller, with real signed tokens: the expected status in every
 * cell. 401 without a valid token, 403 for a role that may not, 404 for staff of another shelter (they must not
 * learn it exists). A 409 means the caller was let through and met the placement's state (it was declined).
 */
@QuarkusTest
class AuthorisationMatrixTest {
    static final String[] CALLERS = {
        "none", "partnerA", "partnerB", "staffX", "staffY", "coordinator", "expired", "otherKey", "otherAudience"
    };

    @Inject
    Fixtures fixtures;

    record Endpoint(String name, String method, String path, Supplier<String> body) {}

    @Test
    void everyEndpointTimesEveryCaller() {
        fixtures.reset();
        JsonPath x = Fixtures.shelter(Fixtures.LYON, 1);
        JsonPath y = Fixtures.shelter(Fixtures.PARIS, 1);
        UUID shelterX = Fixtures.id(x);
        UUID unitX = Fixtures.unit(x, 0);
        ReferralSubmitted referral = Fixtures.womanInNice();
        KafkaEvents kafka = KafkaEvents.onSharedBroker();
        kafka.publish(EventType.REFERRAL_SUBMITTED, referral);
        UUID placementX = kafka.await(EventType.PLACEMENT_PROPOSED, referral.referralId(), PlacementProposed.class)
                .placementId();
        given().auth()
                .oauth2(Tokens.coordinator())
                .contentType("application/json")
                .body("{\"reason\":\"OTHER\"}")
                .post("/api/v1/placements/" + placementX + "/decline")
                .then()
                .statusCode(200);
        String shelterBody = """
                {"code":"%s","name":"Shelter X","communeCode":"69123","address":"12 rue confidentielle",
                 "accepts":{"genders":["FEMALE","MALE","NON_BINARY"],"families":true,"maxChildren":4},
                 "wheelchairAccessible":true,"support":[],"languages":["fr"],"units":[{"id":"%s","capacity":1}]}""".formatted(x.getString("code"), unitX);
        // A scheme of places with shelter X in it.
        String schemeCode = "M" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        String schemeBody = "{\"code\":\"" + schemeCode + "\",\"name\":\"Scheme S\"}";
        String schemeS = given().auth()
                .oauth2(Tokens.coordinator())
                .contentType("application/json")
                .body(schemeBody)
                .post("/api/v1/schemes")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        String schemeShelters = "{\"shelterIds\":[\"" + shelterX + "\"]}";
        given().auth()
                .oauth2(Tokens.coordinator())
                .contentType("application/json")
                .body(schemeShelters)
                .put("/api/v1/schemes/" + schemeS + "/shelters")
                .then()
                .statusCode(200);

        List<Endpoint> endpoints = List.of(
                new Endpoint("create shelter", "POST", "/api/v1/shelters", () ->
                        """
                        {"code":"M-%s","name":"New","communeCode":"35238","address":"1 rue X",
                         "accepts":{"genders":["FEMALE"],"families":false},"units":[{"capacity":1}]}""".formatted(UUID.randomUUID().toString().substring(0, 8))),
                new Endpoint("list shelters", "GET", "/api/v1/shelters", null),
                new Endpoint("get shelter X", "GET", "/api/v1/shelters/" + shelterX, null),
                new Endpoint("update shelter X", "PUT", "/api/v1/shelters/" + shelterX, () -> shelterBody),
                new Endpoint(
                        "availability X",
                        "PUT",
                        "/api/v1/shelters/" + shelterX + "/units/" + unitX + "/availability",
                        () -> "{\"status\":\"FREE\"}"),
                new Endpoint("list placements", "GET", "/api/v1/placements", null),
                new Endpoint("list placements of X", "GET", "/api/v1/placements?shelterId=" + shelterX, null),
                new Endpoint("get placement X", "GET", "/api/v1/placements/" + placementX, null),
                new Endpoint("accept X", "POST", "/api/v1/placements/" + placementX + "/accept", null),
                new Endpoint(
                        "decline X",
                        "POST",
                        "/api/v1/placements/" + placementX + "/decline",
                        () -> "{\"reason\":\"OTHER\"}"),
                new Endpoint("arrival X", "POST", "/api/v1/placements/" + placementX + "/arrival", null),
                new Endpoint(
                        "back out of X",
                        "POST",
                        "/api/v1/placements/" + placementX + "/cancel",
                        () -> "{\"reason\":\"OTHER\"}"),
                new Endpoint(
                        "meeting point X",
                        "PUT",
                        "/api/v1/placements/" + placementX + "/meeting-point",
                        () -> "{\"place\":\"Gare\",\"at\":\"2030-01-01T10:00:00Z\"}"),
                new Endpoint(
                        "arrival arrangements", "GET", "/api/v1/referrals/" + referral.referralId() + "/arrival", null),
                new Endpoint("rematch", "POST", "/api/v1/referrals/" + referral.referralId() + "/rematch", null),
                new Endpoint(
                        "manual placement",
                        "POST",
                        "/api/v1/placements",
                        () -> "{\"referralId\":\"" + referral.referralId() + "\",\"unitId\":\"" + unitX + "\"}"),
                new Endpoint("matching", "GET", "/api/v1/referrals/" + referral.referralId() + "/matching", null),
                new Endpoint(
                        "create scheme",
                        "POST",
                        "/api/v1/schemes",
                        () -> "{\"code\":\"N"
                                + UUID.randomUUID().toString().substring(0, 8).toUpperCase() + "\",\"name\":\"New\"}"),
                new Endpoint("list schemes", "GET", "/api/v1/schemes", null),
                new Endpoint("get scheme S", "GET", "/api/v1/schemes/" + schemeS, null),
                new Endpoint("update scheme S", "PUT", "/api/v1/schemes/" + schemeS, () -> schemeBody),
                new Endpoint("shelters of S", "PUT", "/api/v1/schemes/" + schemeS + "/shelters", () -> schemeShelters),
                new Endpoint("occupancy of S", "GET", "/api/v1/schemes/" + schemeS + "/occupancy", null),
                new Endpoint("audit", "GET", "/api/v1/audit", null),
                new Endpoint("figure delays", "GET", "/api/v1/figures/delays", null),
                new Endpoint("figure declines", "GET", "/api/v1/figures/declines?by=region", null),
                new Endpoint("figure no-match", "GET", "/api/v1/figures/no-match?by=urgency", null));

        //                                  none partA partB staffX staffY coord expired otherKey
        Map<String, int[]> expected = new LinkedHashMap<>();
        expected.put("create shelter", new int[] {401, 403, 403, 403, 403, 201, 401, 401, 401});
        expected.put("list shelters", new int[] {401, 403, 403, 200, 200, 200, 401, 401, 401});
        expected.put("get shelter X", new int[] {401, 403, 403, 200, 404, 200, 401, 401, 401});
        expected.put("update shelter X", new int[] {401, 403, 403, 403, 403, 200, 401, 401, 401});
        expected.put("availability X", new int[] {401, 403, 403, 200, 404, 200, 401, 401, 401});
        expected.put("list placements", new int[] {401, 403, 403, 200, 200, 200, 401, 401, 401});
        expected.put("list placements of X", new int[] {401, 403, 403, 200, 404, 200, 401, 401, 401});
        expected.put("get placement X", new int[] {401, 403, 403, 200, 404, 200, 401, 401, 401});
        expected.put("accept X", new int[] {401, 403, 403, 409, 404, 409, 401, 401, 401});
        expected.put("decline X", new int[] {401, 403, 403, 409, 404, 409, 401, 401, 401});
        expected.put("arrival X", new int[] {401, 403, 403, 409, 404, 409, 401, 401, 401});
        expected.put("back out of X", new int[] {401, 403, 403, 409, 404, 409, 401, 401, 401});
        expected.put("meeting point X", new int[] {401, 403, 403, 409, 404, 409, 401, 401, 401});
        // Nothing was accepted yet: no arrangements to read, for the referring organisation (A) or anyone.
        expected.put("arrival arrangements", new int[] {401, 404, 404, 403, 403, 404, 401, 401, 401});
        // The referral was proposed to the next shelter: nothing for a coordinator to decide.
        expected.put("rematch", new int[] {401, 403, 403, 403, 403, 409, 401, 401, 401});
        // X declined this referral: the unit is not eligible for it any more.
        expected.put("manual placement", new int[] {401, 403, 403, 403, 403, 409, 401, 401, 401});
        expected.put("matching", new int[] {401, 403, 403, 403, 403, 200, 401, 401, 401});
        expected.put("create scheme", new int[] {401, 403, 403, 403, 403, 201, 401, 401, 401});
        expected.put("list schemes", new int[] {401, 403, 403, 200, 200, 200, 401, 401, 401});
        // Staff see the scheme of their own shelter only.
        expected.put("get scheme S", new int[] {401, 403, 403, 200, 404, 200, 401, 401, 401});
        expected.put("update scheme S", new int[] {401, 403, 403, 403, 403, 200, 401, 401, 401});
        expected.put("shelters of S", new int[] {401, 403, 403, 403, 403, 200, 401, 401, 401});
        expected.put("occupancy of S", new int[] {401, 403, 403, 403, 403, 200, 401, 401, 401});
        expected.put("audit", new int[] {401, 403, 403, 403, 403, 200, 401, 401, 401});
        expected.put("figure delays", new int[] {401, 403, 403, 403, 403, 200, 401, 401, 401});
        expected.put("figure declines", new int[] {401, 403, 403, 403, 403, 200, 401, 401, 401});
        expected.put("figure no-match", new int[] {401, 403, 403, 403, 403, 200, 401, 401, 401});

        Map<String, String> tokens = new LinkedHashMap<>();
        tokens.put("none", null);
        tokens.put("partnerA", Tokens.partner(Tokens.ORG_A));
        tokens.put("partnerB", Tokens.partner(Tokens.ORG_B));
        tokens.put("staffX", Tokens.staff(shelterX));
        tokens.put("staffY", Tokens.staff(Fixtures.id(y)));
        tokens.put("coordinator", Tokens.coordinator());
        tokens.put("expired", Tokens.expiredCoordinator());
        tokens.put("otherKey", Tokens.coordinatorSignedByAnotherKey());
        tokens.put("otherAudience", Tokens.coordinatorForAnotherAudience());

        List<String> mismatches = new ArrayList<>();
        for (Endpoint endpoint : endpoints) {
            int[] row = expected.get(endpoint.name());
            for (int i = 0; i < CALLERS.length; i++) {
                RequestSpecification request = given();
                String token = tokens.get(CALLERS[i]);
                if (token != null) {
                    request = request.auth().oauth2(token);
                }
                if (endpoint.body() != null) {
                    request = request.contentType("application/json")
                            .body(endpoint.body().get());
                }
                ExtractableResponse<Response> answer = request.request(endpoint.method(), endpoint.path())
                        .then()
                        .extract();
                int status = answer.statusCode();
                if (!"nosniff".equals(answer.header("X-Content-Type-Options"))
                        || !"no-store".equals(answer.header("Cache-Control"))
                        || !String.valueOf(answer.header("Content-Security-Policy"))
                                .contains("frame-ancestors 'none'")) {
                    mismatches.add(endpoint + ": security headers missing");
                }
                if (status != row[i]) {
                    mismatches.add(endpoint.name() + " as " + CALLERS[i] + ": expected " + row[i] + ", got " + status);
                }
            }
        }
        assertThat(mismatches).isEmpty();
        assertThat(expected.keySet()).hasSize(endpoints.size());
    }

    @Test
    void staffSeeOnlyTheirOwnShelterAndPartnersNeverSeeAnAddress() {
        fixtures.reset();
        JsonPath x = Fixtures.shelter(Fixtures.LYON, 1);
        Fixtures.shelter(Fixtures.PARIS, 1);
        JsonPath list = given().auth()
                .oauth2(Tokens.staff(Fixtures.id(x)))
                .get("/api/v1/shelters")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertThat(list.getList("items.id")).containsExactly(x.getString("id"));
        assertThat(list.prettify()).doesNotContain("rue confidentielle");
        String coordinatorList = given().auth()
                .oauth2(Tokens.coordinator())
                .get("/api/v1/shelters?size=200")
                .then()
                .statusCode(200)
                .extract()
                .asString();
        assertThat(coordinatorList).doesNotContain("rue confidentielle");
        String partner = given().auth()
                .oauth2(Tokens.partner(Tokens.ORG_A))
                .get("/api/v1/shelters/" + x.getString("id"))
                .then()
                .statusCode(403)
                .extract()
                .asString();
        assertThat(partner).doesNotContain("rue confidentielle").doesNotContain(x.getString("code"));
    }
}
