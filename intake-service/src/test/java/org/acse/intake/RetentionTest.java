package org.acse.intake;

import static io.restassured.RestAssured.given;
import static org.acse.intake.ReferralFixtures.as;
import static org.acse.intake.ReferralFixtures.count;
import static org.acse.intake.ReferralFixtures.submit;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.scheduler.Scheduler;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import javax.sql.DataSource;
import org.acse.intake.retention.RetentionJob;
import org.acse.testsupport.Tokens;
import org.junit.jupiter.api.Test;

/** Personal data is erased a configurable time (30 days here) after a referral is closed, and not before. */
@QuarkusTest
class RetentionTest {
    @Inject
    RetentionJob retention;

    @Inject
    DataSource dataSource;

    @Test
    void identityNotesAndReasonAreErasedAfterTheRetentionOfAClosedReferral() {
        String partner = Tokens.partner(Tokens.ORG_A);
        UUID closed = submit(partner);
        UUID open = submit(partner);
        as(partner).body("{\"reason\":\"moved abroad\"}").post("/api/v1/referrals/" + closed + "/withdraw")
                .then().statusCode(200);
        String identity = "/api/v1/referrals/" + closed + "/identity";

        retention.run(Instant.now().plus(Duration.ofDays(29)));
        given().auth().oauth2(Tokens.coordinator()).get(identity).then().statusCode(200);

        assertThat(retention.run(Instant.now().plus(Duration.ofDays(31)))).isGreaterThanOrEqualTo(1);
        given().auth().oauth2(Tokens.coordinator()).get(identity).then().statusCode(410)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:acse:problem:personal-data-erased"));
        assertThat(count(dataSource, "SELECT count(*) FROM referral WHERE id = '" + closed + "'"
                + " AND identity_ciphertext IS NULL AND notes_ciphertext IS NULL"
                + " AND withdrawal_reason_ciphertext IS NULL AND duplicate_fingerprint IS NULL"
                + " AND personal_data_erased_at IS NOT NULL")).isEqualTo(1);
        // The pseudonymous record and its timeline stay for the partner and the statistics.
        as(partner).get("/api/v1/referrals/" + closed).then().statusCode(200).body("status", equalTo("WITHDRAWN"));
        as(Tokens.coordinator()).get("/api/v1/referrals/" + closed).then().body("personalDataErased", equalTo(true));

        // An open referral keeps its identity however old it is.
        given().auth().oauth2(Tokens.coordinator()).get("/api/v1/referrals/" + open + "/identity")
                .then().statusCode(200);
    }

    @Inject
    Scheduler scheduler;

    @Test
    void theJobIsScheduled() {
        assertThat(scheduler.isRunning()).isTrue();
        assertThat(scheduler.getScheduledJob("intake-retention")).isNotNull();
    }
}
