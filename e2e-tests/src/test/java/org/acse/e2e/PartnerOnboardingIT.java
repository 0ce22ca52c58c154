package org.acse.e2e;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

import io.restassured.http.ContentType;
import java.util.UUID;
import org.acse.suite.KeycloakAdmin;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A partner organisation's own system, onboarded as {@code ./acse onboard partner-client} does it through Keycloak's
 * admin API: its client-credentials token submits and follows referrals for its organisation, and for nobody else.
 */
class PartnerOnboardingIT {
    private static RunningSuite suite;

    @BeforeAll
    static void start() {
        suite = RunningSuite.get();
    }

    @Test
    void anOrganisationsClientSubmitsAndFollowsItsReferralsAndAnotherOrganisationsClientCannotSeeThem() {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        KeycloakAdmin admin = suite.identities.keycloak().admin();
        KeycloakAdmin.PartnerClient paris = admin.createPartnerClient("org-paris-" + suffix);
        KeycloakAdmin.PartnerClient lille = admin.createPartnerClient("org-lille-" + suffix);
        String parisToken = suite.identities.keycloak().clientCredentialsToken(paris.clientId(), paris.secret());
        String lilleToken = suite.identities.keycloak().clientCredentialsToken(lille.clientId(), lille.secret());

        String id = given().auth()
                .oauth2(parisToken)
                .contentType(ContentType.JSON)
                .header("Idempotency-Key", "onboarding-" + suffix)
                .body(referral())
                .post(suite.intake.url() + "/api/v1/referrals")
                .then()
                .statusCode(201)
                .extract()
                .path("id");

        given().auth()
                .oauth2(parisToken)
                .get(suite.intake.url() + "/api/v1/referrals/" + id)
                .then()
                .statusCode(200)
                .body("status", notNullValue());
        // The referral is the organisation's, as its token said (coordinators see whose it is).
        given().auth()
                .oauth2(suite.identities.coordinator())
                .get(suite.intake.url() + "/api/v1/referrals/" + id)
                .then()
                .statusCode(200)
                .body("organisationId", equalTo("org-paris-" + suffix));
        given().auth()
                .oauth2(lilleToken)
                .get(suite.intake.url() + "/api/v1/referrals/" + id)
                .then()
                .statusCode(404);
        given().auth()
                .oauth2(lilleToken)
                .get(suite.intake.url() + "/api/v1/referrals")
                .then()
                .statusCode(200)
                .body("total", equalTo(0));
        // A partner's client is a partner, nothing more: no identity read, no registry.
        given().auth()
                .oauth2(parisToken)
                .get(suite.intake.url() + "/api/v1/referrals/" + id + "/identity")
                .then()
                .statusCode(403);
        given().auth()
                .oauth2(parisToken)
                .get(suite.placement.url() + "/api/v1/shelters")
                .then()
                .statusCode(403);
    }

    private static String referral() {
        return """
                {"person":{"firstName":"Lea","lastName":"Onboard","birthDate":"1994-05-20","nationality":"FR"},
                 "gender":"FEMALE","children":[],"languages":["fr"],
                 "needs":{"wheelchairAccess":false,"psychologicalSupport":false,"medicalCare":false,"interpreter":false},
                 "exploitation":["LABOUR"],"dangerZones":[{"departmentCode":"59"}],
                 "currentLocation":{"communeCode":"59350"},"urgency":"WITHIN_7_DAYS",
                 "consent":{"dataSharing":true,"recordedAt":"2026-11-28T08:00:00Z"}}""";
    }
}
