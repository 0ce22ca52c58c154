package org.acse.intake;

import static io.restassured.RestAssured.given;
import static org.acse.intake.ReferralFixtures.acceptOnBroker;
import static org.acse.intake.ReferralFixtures.as;
import static org.acse.intake.ReferralFixtures.submit;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.acse.testsupport.Tokens;
import org.junit.jupiter.api.Test;

/** Every read of personal data leaves a row in the audit log: who (subject, role, tenant), what, on which target. */
@QuarkusTest
class AuditReadsTest {

    /** The audit rows on a target, newest first, as a coordinator reads them. */
    private static List<Map<String, Object>> audit(String targetType, String targetId) {
        return as(Tokens.coordinator())
                .get("/api/v1/audit?size=500&targetType=" + targetType + "&targetId=" + targetId)
                .then()
                .statusCode(200)
                .extract()
                .path("items");
    }

    private static List<Map<String, Object>> audit(String targetType, String targetId, String action) {
        return audit(targetType, targetId).stream()
                .filter(r -> action.equals(r.get("action")))
                .toList();
    }

    private static Map<String, Object> row(
            String subject, String role, String tenant, String action, String targetType, String targetId) {
        Map<String, Object> row = new HashMap<>();
        row.put("subject", subject);
        row.put("role", role);
        row.put("tenant", tenant);
        row.put("action", action);
        row.put("targetType", targetType);
        row.put("targetId", targetId);
        return row;
    }

    private static List<Map<String, Object>> withoutIdAndTime(List<Map<String, Object>> rows) {
        return rows.stream()
                .map(r -> {
                    Map<String, Object> copy = new HashMap<>(r);
                    copy.remove("id");
                    copy.remove("at");
                    return copy;
                })
                .toList();
    }

    @Test
    void everyReadOfAReferralIsAudited() {
        String partner = Tokens.partner(Tokens.ORG_A);
        UUID id = submit(partner);
        as(partner).get("/api/v1/referrals/" + id).then().statusCode(200);
        as(Tokens.coordinator()).get("/api/v1/referrals/" + id).then().statusCode(200);
        // Another organisation learns nothing, and reads nothing: no row.
        as(Tokens.partner(Tokens.ORG_B)).get("/api/v1/referrals/" + id).then().statusCode(404);

        assertThat(withoutIdAndTime(audit("referral", id.toString(), "referral.read")))
                .containsExactly(
                        row("coordinator", "coordinator", null, "referral.read", "referral", id.toString()),
                        row(
                                "partner@" + Tokens.ORG_A,
                                "partner",
                                Tokens.ORG_A,
                                "referral.read",
                                "referral",
                                id.toString()));
        assertThat(audit("referral", id.toString(), "referral.submit")).hasSize(1);
    }

    @Test
    void everyListIsOneRowOnTheOrganisationListed() {
        String organisation = "org-audit-" + UUID.randomUUID();
        String partner = Tokens.partner(organisation);
        submit(partner);
        submit(partner);
        as(partner).get("/api/v1/referrals?size=1").then().statusCode(200);
        as(partner).get("/api/v1/referrals?status=SUBMITTED").then().statusCode(200);
        // A refused request reads nothing.
        as(partner).get("/api/v1/referrals?size=0").then().statusCode(400);

        assertThat(withoutIdAndTime(audit("organisation", organisation)))
                .containsExactly(
                        row(
                                "partner@" + organisation,
                                "partner",
                                organisation,
                                "referral.list",
                                "organisation",
                                organisation),
                        row(
                                "partner@" + organisation,
                                "partner",
                                organisation,
                                "referral.list",
                                "organisation",
                                organisation));

        int before = audit("organisation", "*", "referral.list").size();
        as(Tokens.coordinator()).get("/api/v1/referrals?size=5").then().statusCode(200);
        List<Map<String, Object>> after = audit("organisation", "*", "referral.list");
        assertThat(after).hasSize(before + 1);
        assertThat(withoutIdAndTime(after.subList(0, 1)))
                .containsExactly(row("coordinator", "coordinator", null, "referral.list", "organisation", "*"));
    }

    @Test
    void identityReadsAndWithdrawalsAreAudited() {
        UUID shelter = UUID.randomUUID();
        String partner = Tokens.partner(Tokens.ORG_A);
        UUID id = submit(partner);
        acceptOnBroker(id, shelter, Tokens.coordinator());
        given().auth()
                .oauth2(Tokens.staff(shelter))
                .get("/api/v1/referrals/" + id + "/identity")
                .then()
                .statusCode(200);
        // Refused: no row.
        given().auth()
                .oauth2(Tokens.staff(UUID.randomUUID()))
                .get("/api/v1/referrals/" + id + "/identity")
                .then()
                .statusCode(404);
        as(partner)
                .body("{\"reason\":\"The person is safe\"}")
                .post("/api/v1/referrals/" + id + "/withdraw")
                .then()
                .statusCode(200);

        assertThat(withoutIdAndTime(audit("referral", id.toString(), "referral.identity.read")))
                .containsExactly(row(
                        "staff@" + shelter,
                        "shelter-staff",
                        shelter.toString(),
                        "referral.identity.read",
                        "referral",
                        id.toString()));
        assertThat(withoutIdAndTime(audit("referral", id.toString(), "referral.withdraw")))
                .containsExactly(row(
                        "partner@" + Tokens.ORG_A,
                        "partner",
                        Tokens.ORG_A,
                        "referral.withdraw",
                        "referral",
                        id.toString()));
    }
}
