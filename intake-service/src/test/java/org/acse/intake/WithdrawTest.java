package org.acse.intake;

import static org.acse.intake.ReferralFixtures.as;
import static org.acse.intake.ReferralFixtures.awaitProcessed;
import static org.acse.intake.ReferralFixtures.awaitStatus;
import static org.acse.intake.ReferralFixtures.submit;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.UUID;
import javax.sql.DataSource;
import org.acse.common.events.EventType;
import org.acse.common.events.PlacementDecided;
import org.acse.common.events.ReferralWithdrawn;
import org.acse.testsupport.KafkaEvents;
import org.acse.testsupport.Tokens;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;

@QuarkusTest
class WithdrawTest {
    @Inject
    DataSource dataSource;

    private static final String REASON = "{\"reason\":\"The person found family shelter abroad.\"}";

    @Test
    void aPartnerWithdrawsItsReferralAndTheEventIsPublishedOnce() {
        String partner = Tokens.partner(Tokens.ORG_A);
        UUID id = submit(partner);
        as(partner)
                .body(REASON)
                .post("/api/v1/referrals/" + id + "/withdraw")
                .then()
                .statusCode(200)
                .body("status", equalTo("WITHDRAWN"))
                .body("timeline.status", contains("SUBMITTED", "WITHDRAWN"));
        // A retry changes nothing and publishes nothing more.
        as(partner)
                .body(REASON)
                .post("/api/v1/referrals/" + id + "/withdraw")
                .then()
                .statusCode(200)
                .body("status", equalTo("WITHDRAWN"));

        KafkaEvents kafka = KafkaEvents.onSharedBroker();
        kafka.await(EventType.REFERRAL_WITHDRAWN, id, ReferralWithdrawn.class);
        assertThat(kafka.records(EventType.REFERRAL_WITHDRAWN, id))
                .hasSize(1)
                .allSatisfy(r -> assertThat(r.value()).doesNotContain("family shelter"));

        as(Tokens.coordinator())
                .get("/api/v1/audit?targetType=referral&targetId=" + id)
                .then()
                .statusCode(200)
                .body("items.action", Matchers.hasItem("referral.withdraw"));
    }

    @Test
    void aCoordinatorMayWithdrawAnyReferral() {
        UUID id = submit(Tokens.partner(Tokens.ORG_B));
        as(Tokens.coordinator())
                .body(REASON)
                .post("/api/v1/referrals/" + id + "/withdraw")
                .then()
                .statusCode(200)
                .body("status", equalTo("WITHDRAWN"));
    }

    @Test
    void anotherOrganisationGets404() {
        UUID id = submit(Tokens.partner(Tokens.ORG_A));
        as(Tokens.partner(Tokens.ORG_B))
                .body(REASON)
                .post("/api/v1/referrals/" + id + "/withdraw")
                .then()
                .statusCode(404)
                .contentType("application/problem+json");
        as(Tokens.partner(Tokens.ORG_A)).get("/api/v1/referrals/" + id).then().body("status", equalTo("SUBMITTED"));
    }

    @Test
    void aReasonIsRequired() {
        UUID id = submit(Tokens.partner(Tokens.ORG_A));
        for (String body : new String[] {"{}", "{\"reason\":\"  \"}", "{\"reason\":\"" + "r".repeat(501) + "\"}"}) {
            as(Tokens.partner(Tokens.ORG_A))
                    .body(body)
                    .post("/api/v1/referrals/" + id + "/withdraw")
                    .then()
                    .statusCode(400)
                    .body("errors[0].field", equalTo("reason"));
        }
        as(Tokens.partner(Tokens.ORG_A)).get("/api/v1/referrals/" + id).then().body("status", equalTo("SUBMITTED"));
    }

    @Test
    void anArrivedReferralCannotBeWithdrawn() {
        String partner = Tokens.partner(Tokens.ORG_A);
        UUID id = submit(partner);
        KafkaEvents.onSharedBroker()
                .publish(
                        EventType.PLACEMENT_ARRIVED,
                        new PlacementDecided(
                                UUID.randomUUID(),
                                id,
                                UUID.randomUUID(),
                                UUID.randomUUID(),
                                null,
                                null,
                                Instant.now()));
        awaitStatus(id, "ARRIVED", partner);
        as(partner)
                .body(REASON)
                .post("/api/v1/referrals/" + id + "/withdraw")
                .then()
                .statusCode(409)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:acse:problem:referral-arrived"));
    }

    @Test
    void aWithdrawnReferralIsNotMovedByLaterPlacementEvents() {
        String partner = Tokens.partner(Tokens.ORG_A);
        UUID id = submit(partner);
        as(partner)
                .body(REASON)
                .post("/api/v1/referrals/" + id + "/withdraw")
                .then()
                .statusCode(200);
        KafkaEvents kafka = KafkaEvents.onSharedBroker();
        UUID accepted = kafka.publish(
                EventType.PLACEMENT_ACCEPTED,
                new PlacementDecided(
                        UUID.randomUUID(),
                        id,
                        UUID.randomUUID(),
                        UUID.randomUUID(),
                        null,
                        null,
                        Instant.now().plusSeconds(5)));
        UUID arrived = kafka.publish(
                EventType.PLACEMENT_ARRIVED,
                new PlacementDecided(
                        UUID.randomUUID(),
                        id,
                        UUID.randomUUID(),
                        UUID.randomUUID(),
                        null,
                        null,
                        Instant.now().plusSeconds(6)));
        awaitProcessed(dataSource, accepted, arrived);
        as(partner)
                .get("/api/v1/referrals/" + id)
                .then()
                .body("status", equalTo("WITHDRAWN"))
                .body("timeline.status", contains("SUBMITTED", "WITHDRAWN"));
    }
}
