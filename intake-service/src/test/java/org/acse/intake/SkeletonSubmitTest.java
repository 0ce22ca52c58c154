package org.acse.intake;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

import io.quarkus.test.junit.QuarkusTest;
import java.util.UUID;
import org.acse.common.events.EventType;
import org.acse.common.events.ReferralSubmitted;
import org.acse.testsupport.KafkaEvents;
import org.acse.testsupport.Tokens;
import org.junit.jupiter.api.Test;

@QuarkusTest
class SkeletonSubmitTest {

    @Test
    void submittedReferralIsPublishedAsACloudEvent() {
        String id = given().auth().oauth2(Tokens.partner(Tokens.ORG_A)).contentType("application/json").body("""
                {"gender":"FEMALE","age":27,"children":[{"age":4}],"languages":["fr","ro"],
                 "dangerZones":[{"communeCode":"06088"}],"currentLocation":{"communeCode":"06088"},
                 "urgency":"IMMEDIATE"}""")
                .post("/api/v1/referrals")
                .then().statusCode(201).body("status", equalTo("SUBMITTED")).body("pseudonym", notNullValue())
                .extract().path("id");

        ReferralSubmitted event = KafkaEvents.onSharedBroker()
                .await(EventType.REFERRAL_SUBMITTED, UUID.fromString(id), ReferralSubmitted.class);
        assertThat(event.household().size()).isEqualTo(2);
        assertThat(event.organisationId()).isEqualTo(Tokens.ORG_A);
    }

    @Test
    void anonymousCallersAreRefused() {
        given().contentType("application/json").body("{}").post("/api/v1/referrals").then().statusCode(401);
    }
}
