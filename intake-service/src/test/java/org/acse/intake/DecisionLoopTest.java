package org.acse.intake;

import static io.restassured.RestAssured.given;
import static org.acse.intake.ReferralFixtures.as;
import static org.acse.intake.ReferralFixtures.awaitProcessed;
import static org.acse.intake.ReferralFixtures.awaitStatus;
import static org.acse.intake.ReferralFixtures.cancelled;
import static org.acse.intake.ReferralFixtures.decided;
import static org.acse.intake.ReferralFixtures.proposed;
import static org.acse.intake.ReferralFixtures.submit;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import javax.sql.DataSource;
import org.acse.common.events.Cancellation;
import org.acse.common.events.EventType;
import org.acse.testsupport.KafkaEvents;
import org.acse.testsupport.Tokens;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;

/**
 * The decision loop as intake follows it (ADR 9), with placement's events on the real broker and real tokens: the
 * identity goes with the placement that is accepted now, and ends with the event that ends it.
 */
@QuarkusTest
class DecisionLoopTest {
    private final KafkaEvents kafka = KafkaEvents.onSharedBroker();

    @Inject
    DataSource dataSource;

    private static int identityStatus(UUID referral, UUID shelter) {
        return given().auth()
                .oauth2(Tokens.staff(shelter))
                .get("/api/v1/referrals/" + referral + "/identity")
                .then()
                .extract()
                .statusCode();
    }

    private static String status(UUID referral, String token) {
        return as(token)
                .get("/api/v1/referrals/" + referral)
                .then()
                .statusCode(200)
                .extract()
                .path("status");
    }

    @Test
    void aShelterThatBacksOutLosesTheIdentityAtOnceAndTheNextOneGetsIt() {
        String partner = Tokens.partner(Tokens.ORG_A);
        UUID id = submit(partner);
        UUID shelterA = UUID.randomUUID();
        UUID shelterB = UUID.randomUUID();
        UUID atA = UUID.randomUUID();
        UUID atB = UUID.randomUUID();
        Instant t = Instant.now().truncatedTo(ChronoUnit.MILLIS);

        kafka.publish(EventType.PLACEMENT_PROPOSED, proposed(id, atA, shelterA, t));
        assertThat(identityStatus(id, shelterA))
                .as("a proposal alone gives no identity")
                .isEqualTo(404);
        kafka.publish(EventType.PLACEMENT_ACCEPTED, decided(id, atA, shelterA, t.plusSeconds(1)));
        awaitStatus(id, "ACCEPTED", partner);
        assertThat(identityStatus(id, shelterA)).isEqualTo(200);
        assertThat(identityStatus(id, shelterB)).isEqualTo(404);

        UUID backOut = kafka.publish(
                EventType.PLACEMENT_CANCELLED, cancelled(id, atA, shelterA, Cancellation.BACKED_OUT, t.plusSeconds(2)));
        awaitProcessed(dataSource, backOut);
        assertThat(identityStatus(id, shelterA)).as("after backing out").isEqualTo(404);
        assertThat(status(id, partner)).isEqualTo("SEARCHING");

        kafka.publish(EventType.PLACEMENT_PROPOSED, proposed(id, atB, shelterB, t.plusSeconds(3)));
        kafka.publish(EventType.PLACEMENT_ACCEPTED, decided(id, atB, shelterB, t.plusSeconds(4)));
        awaitStatus(id, "ACCEPTED", partner);
        assertThat(identityStatus(id, shelterB)).isEqualTo(200);
        assertThat(identityStatus(id, shelterA)).isEqualTo(404);

        kafka.publish(EventType.PLACEMENT_ARRIVED, decided(id, atB, shelterB, t.plusSeconds(5)));
        awaitStatus(id, "ARRIVED", partner);
        assertThat(identityStatus(id, shelterB)).as("the shelter of arrival").isEqualTo(200);
        assertThat(identityStatus(id, shelterA)).isEqualTo(404);

        String partnerView = as(partner)
                .get("/api/v1/referrals/" + id)
                .then()
                .statusCode(200)
                .body(
                        "timeline.status",
                        contains("SUBMITTED", "PROPOSED", "ACCEPTED", "SEARCHING", "PROPOSED", "ACCEPTED", "ARRIVED"))
                .extract()
                .asString();
        String partnerList = as(partner)
                .get("/api/v1/referrals?size=100")
                .then()
                .statusCode(200)
                .body("items.id", hasItem(id.toString()))
                .extract()
                .asString();
        for (String seen : new String[] {partnerView, partnerList}) {
            assertThat(seen)
                    .doesNotContain(shelterA.toString(), shelterB.toString(), atA.toString(), atB.toString(), "helter");
        }
        as(Tokens.coordinator())
                .get("/api/v1/referrals/" + id)
                .then()
                .body("acceptedShelterId", equalTo(shelterB.toString()));
    }

    @Test
    void aNoShowEndsTheShelterAccessAndWaitsForCoordinators() {
        String partner = Tokens.partner(Tokens.ORG_A);
        UUID id = submit(partner);
        UUID shelter = UUID.randomUUID();
        UUID placement = UUID.randomUUID();
        Instant t = Instant.now();
        kafka.publish(EventType.PLACEMENT_PROPOSED, proposed(id, placement, shelter, t));
        kafka.publish(EventType.PLACEMENT_ACCEPTED, decided(id, placement, shelter, t.plusSeconds(1)));
        awaitStatus(id, "ACCEPTED", partner);
        assertThat(identityStatus(id, shelter)).isEqualTo(200);

        UUID noShow = kafka.publish(EventType.PLACEMENT_NO_SHOW, decided(id, placement, shelter, t.plusSeconds(2)));
        awaitProcessed(dataSource, noShow);
        assertThat(identityStatus(id, shelter)).isEqualTo(404);
        assertThat(status(id, partner)).isEqualTo("NO_SHOW");
        as(Tokens.coordinator())
                .get("/api/v1/referrals/" + id + "/identity")
                .then()
                .statusCode(200);
        as(Tokens.coordinator())
                .get("/api/v1/referrals/" + id)
                .then()
                .statusCode(200)
                .body("status", equalTo("NO_SHOW"))
                .body("$", Matchers.not(Matchers.hasKey("acceptedShelterId")));
    }

    @Test
    void parallelOffersStayProposedUntilOneIsAcceptedAndTheOthersGiveNoAccess() {
        String partner = Tokens.partner(Tokens.ORG_A);
        UUID id = submit(partner);
        UUID shelterA = UUID.randomUUID();
        UUID shelterB = UUID.randomUUID();
        UUID shelterC = UUID.randomUUID();
        UUID atA = UUID.randomUUID();
        UUID atB = UUID.randomUUID();
        UUID atC = UUID.randomUUID();
        Instant t = Instant.now();
        kafka.publish(EventType.PLACEMENT_PROPOSED, proposed(id, atA, shelterA, t));
        kafka.publish(EventType.PLACEMENT_PROPOSED, proposed(id, atB, shelterB, t));
        kafka.publish(EventType.PLACEMENT_PROPOSED, proposed(id, atC, shelterC, t));
        UUID declined = kafka.publish(EventType.PLACEMENT_DECLINED, decided(id, atA, shelterA, t.plusSeconds(1)));
        awaitProcessed(dataSource, declined);
        assertThat(status(id, partner)).as("two offers still open").isEqualTo("PROPOSED");

        kafka.publish(EventType.PLACEMENT_ACCEPTED, decided(id, atB, shelterB, t.plusSeconds(2)));
        UUID taken = kafka.publish(
                EventType.PLACEMENT_CANCELLED,
                cancelled(id, atC, shelterC, Cancellation.OFFER_TAKEN, t.plusSeconds(2)));
        awaitProcessed(dataSource, taken);
        assertThat(status(id, partner)).isEqualTo("ACCEPTED");
        assertThat(identityStatus(id, shelterB)).isEqualTo(200);
        assertThat(identityStatus(id, shelterA)).isEqualTo(404);
        assertThat(identityStatus(id, shelterC)).isEqualTo(404);
        as(partner)
                .get("/api/v1/referrals/" + id)
                .then()
                .body("timeline.status", contains("SUBMITTED", "PROPOSED", "ACCEPTED"));
    }

    @Test
    void aManualPlacementElsewhereMovesTheIdentityToTheNewShelter() {
        String partner = Tokens.partner(Tokens.ORG_A);
        UUID id = submit(partner);
        UUID shelterA = UUID.randomUUID();
        UUID shelterB = UUID.randomUUID();
        UUID atA = UUID.randomUUID();
        UUID atB = UUID.randomUUID();
        Instant t = Instant.now();
        kafka.publish(EventType.PLACEMENT_ACCEPTED, decided(id, atA, shelterA, t));
        awaitStatus(id, "ACCEPTED", partner);
        kafka.publish(
                EventType.PLACEMENT_CANCELLED, cancelled(id, atA, shelterA, Cancellation.REPLACED, t.plusSeconds(1)));
        UUID accepted = kafka.publish(EventType.PLACEMENT_ACCEPTED, decided(id, atB, shelterB, t.plusSeconds(1)));
        awaitProcessed(dataSource, accepted);
        assertThat(status(id, partner)).isEqualTo("ACCEPTED");
        assertThat(identityStatus(id, shelterA)).isEqualTo(404);
        assertThat(identityStatus(id, shelterB)).isEqualTo(200);
    }
}
