package org.acse.intake;

import static org.acse.intake.ReferralFixtures.as;
import static org.acse.intake.ReferralFixtures.submit;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.lessThan;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.junit.QuarkusTest;
import java.util.UUID;
import org.acse.testsupport.Tokens;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ListReferralsTest {

    @Test
    void aPartnerPagesThroughItsOwnReferralsOnly() {
        String organisation = "org-list-" + UUID.randomUUID();
        String partner = Tokens.partner(organisation);
        UUID first = submit(partner);
        UUID second = submit(partner);
        UUID third = submit(partner);
        UUID foreign = submit(Tokens.partner(Tokens.ORG_B));

        as(partner)
                .get("/api/v1/referrals?page=0&size=2")
                .then()
                .statusCode(200)
                .body("items.id", contains(third.toString(), second.toString()))
                .body("page", equalTo(0))
                .body("size", equalTo(2))
                .body("total", equalTo(3));
        as(partner).get("/api/v1/referrals?page=1&size=2").then().body("items.id", contains(first.toString()));
        as(partner)
                .get("/api/v1/referrals")
                .then()
                .body("items.id", not(hasItem(foreign.toString())))
                .body("size", equalTo(20));
        as(Tokens.coordinator()).get("/api/v1/referrals?size=100").then().body("total", greaterThanOrEqualTo(4));
    }

    @Test
    void theListFiltersByStatus() {
        String organisation = "org-list-" + UUID.randomUUID();
        String partner = Tokens.partner(organisation);
        UUID kept = submit(partner);
        UUID withdrawn = submit(partner);
        as(partner)
                .body("{\"reason\":\"duplicate\"}")
                .post("/api/v1/referrals/" + withdrawn + "/withdraw")
                .then()
                .statusCode(200);
        as(partner)
                .get("/api/v1/referrals?status=WITHDRAWN")
                .then()
                .body("items.id", contains(withdrawn.toString()))
                .body("total", equalTo(1))
                .body("items.status", everyItem(equalTo("WITHDRAWN")));
        as(partner)
                .get("/api/v1/referrals?status=SUBMITTED")
                .then()
                .body("items.id", contains(kept.toString()))
                .body("items", hasSize(1));
    }

    @Test
    void badParametersAreProblems() {
        String partner = Tokens.partner(Tokens.ORG_A);
        as(partner)
                .get("/api/v1/referrals?status=LOST")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("status"));
        as(partner).get("/api/v1/referrals?size=0").then().statusCode(400).body("errors[0].field", equalTo("size"));
        as(partner).get("/api/v1/referrals?size=1000").then().statusCode(400).body("errors[0].field", equalTo("size"));
        as(partner).get("/api/v1/referrals?page=-1").then().statusCode(400).body("errors[0].field", equalTo("page"));
        as(partner).get("/api/v1/referrals?page=abc").then().statusCode(lessThan(500));
        as(partner)
                .get("/api/v1/referrals?page=2147483647")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("page"));
        as(partner)
                .get("/api/v1/referrals?page=2147483647&size=100000")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", containsInAnyOrder("page", "size"));
        as(Tokens.coordinator())
                .get("/api/v1/audit?page=2147483647&size=100000")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", containsInAnyOrder("page", "size"));
        as(partner).get("/api/v1/referrals/not-a-uuid").then().statusCode(404).contentType("application/problem+json");
        as(partner)
                .get("/api/v1/referrals/" + UUID.randomUUID())
                .then()
                .statusCode(404)
                .contentType("application/problem+json");
    }
}
