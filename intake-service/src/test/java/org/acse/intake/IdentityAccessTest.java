package org.acse.intake;

import static io.restassured.RestAssured.given;
import static org.acse.intake.ReferralFixtures.acceptOnBroker;
import static org.acse.intake.ReferralFixtures.as;
import static org.acse.intake.ReferralFixtures.child;
import static org.acse.intake.ReferralFixtures.dumpSchema;
import static org.acse.intake.ReferralFixtures.submit;
import static org.acse.intake.ReferralFixtures.validBody;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.acse.testsupport.Tokens;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;

/**
 * The identity: encrypted at rest, released to coordinators and the accepting shelter only, every read audited. How
 * the access follows placement's decisions is {@link DecisionLoopTest}.
 */
@QuarkusTest
class IdentityAccessTest {
    @Inject
    DataSource dataSource;

    private static Map<String, Object> canaryBody(String canary) {
        Map<String, Object> body = validBody();
        Map<String, Object> person = child(body, "person");
        person.put("firstName", "First" + canary);
        person.put("lastName", "Last" + canary);
        person.put("phone", "+33 7 " + canary.replaceAll("\\D", "").substring(0, 8));
        body.put("notes", "Note" + canary);
        return body;
    }

    @Test
    void theIdentityIsNeverInClearInTheDatabase() {
        String canary = "Qx" + UUID.randomUUID().toString().replace("-", "");
        Map<String, Object> body = canaryBody(canary);
        child(body, "person").put("birthDate", "1987-11-23");
        UUID id = submit(Tokens.partner(Tokens.ORG_A), body);
        as(Tokens.partner(Tokens.ORG_A))
                .body("{\"reason\":\"Reason" + canary + "\"}")
                .post("/api/v1/referrals/" + id + "/withdraw")
                .then()
                .statusCode(200);

        String dump = dumpSchema(dataSource);
        assertThat(dump).contains(id.toString());
        for (String secret : List.of(canary, "1987-11-23", "23/11/1987")) {
            assertThat(dump).doesNotContain(secret);
            assertThat(dump).doesNotContain(HexFormat.of().formatHex(secret.getBytes(StandardCharsets.UTF_8)));
        }
        // And it is still there, encrypted, for a coordinator.
        as(Tokens.coordinator())
                .get("/api/v1/referrals/" + id + "/identity")
                .then()
                .statusCode(200)
                .body("person.firstName", equalTo("First" + canary))
                .body("person.birthDate", equalTo("1987-11-23"))
                .body("notes", equalTo("Note" + canary));
    }

    @Test
    void onlyTheAcceptingShelterSeesTheIdentityAndOnlyAfterAcceptance() {
        UUID shelterX = UUID.randomUUID();
        UUID shelterY = UUID.randomUUID();
        UUID id = submit(Tokens.partner(Tokens.ORG_A), canaryBody("C" + UUID.randomUUID()));
        String path = "/api/v1/referrals/" + id + "/identity";

        given().auth().oauth2(Tokens.staff(shelterX)).get(path).then().statusCode(404);
        acceptOnBroker(id, shelterX, Tokens.coordinator());
        given().auth()
                .oauth2(Tokens.staff(shelterX))
                .get(path)
                .then()
                .statusCode(200)
                .body("referralId", equalTo(id.toString()))
                .body("person.lastName", Matchers.startsWith("Last"));
        given().auth()
                .oauth2(Tokens.staff(shelterY))
                .get(path)
                .then()
                .statusCode(404)
                .contentType("application/problem+json");
        given().auth().oauth2(Tokens.partner(Tokens.ORG_A)).get(path).then().statusCode(403);
        given().auth().oauth2(Tokens.coordinator()).get(path).then().statusCode(200);

        as(Tokens.coordinator())
                .get("/api/v1/audit?targetType=referral&targetId=" + id)
                .then()
                .statusCode(200)
                .body("items.findAll { it.action == 'referral.identity.read' }.size()", equalTo(2))
                .body("items.subject", hasItem("staff@" + shelterX))
                .body("items.tenant", hasItem(shelterX.toString()));

        // Once withdrawn, the shelter no longer needs it.
        as(Tokens.partner(Tokens.ORG_A))
                .body("{\"reason\":\"no longer needed\"}")
                .post("/api/v1/referrals/" + id + "/withdraw")
                .then()
                .statusCode(200);
        given().auth().oauth2(Tokens.staff(shelterX)).get(path).then().statusCode(404);
    }
}
