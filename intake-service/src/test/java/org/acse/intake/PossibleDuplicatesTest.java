package org.acse.intake;

import static org.acse.intake.ReferralFixtures.as;
import static org.acse.intake.ReferralFixtures.child;
import static org.acse.intake.ReferralFixtures.submit;
import static org.acse.intake.ReferralFixtures.validBody;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;

import io.quarkus.test.junit.QuarkusTest;
import java.util.Map;
import java.util.UUID;
import org.acse.testsupport.Tokens;
import org.junit.jupiter.api.Test;

/**
 * Another open referral for the same person (keyed fingerprint of normalised names and birth date): coordinators see
 * the link from both sides and can list them; partners never learn of it.
 */
@QuarkusTest
class PossibleDuplicatesTest {

    private static Map<String, Object> person(String firstName, String lastName, String birthDate) {
        Map<String, Object> body = validBody();
        child(body, "person").put("firstName", firstName);
        child(body, "person").put("lastName", lastName);
        child(body, "person").put("birthDate", birthDate);
        return body;
    }

    @Test
    void possibleDuplicatesAreFlaggedForCoordinatorsOnly() {
        String unique = "Dup" + UUID.randomUUID().toString().substring(0, 8);
        UUID original = submit(Tokens.partner(Tokens.ORG_A), person("Élodie", "N'Guessan-" + unique, "1990-05-06"));
        // Another partner, other spelling (case, accents, punctuation, names swapped): same person.
        UUID again = submit(
                Tokens.partner(Tokens.ORG_B), person("NGUESSAN " + unique.toUpperCase(), "elodie", "1990-05-06"));

        as(Tokens.coordinator())
                .get("/api/v1/referrals/" + again)
                .then()
                .body("possibleDuplicateOf", equalTo(original.toString()))
                .body("status", equalTo("SUBMITTED"));
        as(Tokens.coordinator())
                .get("/api/v1/referrals/" + original)
                .then()
                .body("$", not(hasKey("possibleDuplicateOf")))
                .body("possibleDuplicates", contains(again.toString()));
        as(Tokens.partner(Tokens.ORG_B))
                .get("/api/v1/referrals/" + again)
                .then()
                .statusCode(200)
                .body("$", not(hasKey("possibleDuplicateOf")));
        as(Tokens.partner(Tokens.ORG_A))
                .get("/api/v1/referrals/" + original)
                .then()
                .statusCode(200)
                .body("$", not(hasKey("possibleDuplicates")));

        UUID stranger = submit(Tokens.partner(Tokens.ORG_A), person("Amara", "N'Guessan-" + unique, "1991-05-06"));
        as(Tokens.coordinator())
                .get("/api/v1/referrals/" + stranger)
                .then()
                .body("$", not(hasKey("possibleDuplicateOf")));
    }

    @Test
    void coordinatorsListThePossibleDuplicatesAndPartnersCannot() {
        String unique = "List" + UUID.randomUUID().toString().substring(0, 8);
        String organisation = "org-dup-" + UUID.randomUUID();
        UUID original = submit(Tokens.partner(organisation), person("Ioana", "Popescu-" + unique, "1988-01-02"));
        UUID again = submit(Tokens.partner(Tokens.ORG_B), person("Ioana", "Popescu-" + unique, "1988-01-02"));

        as(Tokens.coordinator())
                .get("/api/v1/referrals?possibleDuplicate=true&size=100")
                .then()
                .statusCode(200)
                .body("items.id", hasItem(again.toString()))
                .body("items.id", not(hasItem(original.toString())))
                .body("items.possibleDuplicateOf", everyItem(notNullValue()))
                .body("items.find { it.id == '" + again + "' }.possibleDuplicateOf", equalTo(original.toString()));
        as(Tokens.coordinator())
                .get("/api/v1/referrals?possibleDuplicate=false&size=100")
                .then()
                .statusCode(200)
                .body("items.id", not(hasItem(again.toString())));
        as(Tokens.coordinator())
                .get("/api/v1/referrals?size=100")
                .then()
                .body("items.find { it.id == '" + again + "' }.possibleDuplicateOf", equalTo(original.toString()));

        // A partner neither sees the link in its list nor may filter on it.
        as(Tokens.partner(Tokens.ORG_B))
                .get("/api/v1/referrals?size=100")
                .then()
                .statusCode(200)
                .body("items.id", hasItem(again.toString()))
                .body("items.find { it.id == '" + again + "' }", not(hasKey("possibleDuplicateOf")));
        as(Tokens.partner(Tokens.ORG_B))
                .get("/api/v1/referrals?possibleDuplicate=true")
                .then()
                .statusCode(403)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("possibleDuplicate"));
        as(Tokens.coordinator())
                .get("/api/v1/referrals?possibleDuplicate=yes")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("possibleDuplicate"));
    }

    @Test
    void withdrawingTheDuplicateClosesItAndTheLinkStaysVisible() {
        String unique = "Wd" + UUID.randomUUID().toString().substring(0, 8);
        UUID original = submit(Tokens.partner(Tokens.ORG_A), person("Grace", "Adeyemi-" + unique, "1995-07-08"));
        UUID again = submit(Tokens.partner(Tokens.ORG_A), person("Grace", "Adeyemi-" + unique, "1995-07-08"));
        as(Tokens.coordinator())
                .body("{\"reason\":\"Same person as an open referral\"}")
                .post("/api/v1/referrals/" + again + "/withdraw")
                .then()
                .statusCode(200)
                .body("status", equalTo("WITHDRAWN"))
                .body("possibleDuplicateOf", equalTo(original.toString()));
        as(Tokens.coordinator())
                .get("/api/v1/referrals/" + original)
                .then()
                .body("status", equalTo("SUBMITTED"))
                .body("possibleDuplicates", contains(again.toString()));
    }
}
