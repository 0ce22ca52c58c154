package org.acse.notification.alert;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.acse.common.events.Cancellation;
import org.acse.common.events.DeclineReason;
import org.acse.common.events.Gender;
import org.acse.common.events.Household;
import org.acse.common.events.Needs;
import org.acse.common.events.Urgency;
import org.junit.jupiter.api.Test;

/** What partners' webhooks and mail templates read: the JSON of each message, field by field. */
class AlertMessagesTest {
    static final ObjectMapper JSON = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
    static final UUID ALERT = UUID.fromString("00000000-0000-0000-0000-00000000000a");
    static final UUID REFERRAL = UUID.fromString("00000000-0000-0000-0000-00000000000b");
    static final UUID PLACEMENT = UUID.fromString("00000000-0000-0000-0000-00000000000c");
    static final UUID SHELTER = UUID.fromString("00000000-0000-0000-0000-00000000000d");
    static final Instant T0 = Instant.parse("2026-12-01T10:00:00Z");

    static Alert proposal() {
        Alert a = new Alert();
        a.id = ALERT;
        a.kind = AlertKind.PROPOSAL;
        a.status = AlertStatus.OPEN;
        a.referralId = REFERRAL;
        a.placementId = PLACEMENT;
        a.shelterId = SHELTER;
        a.pseudonym = "Mésange-1a2b";
        a.household = new Household(Gender.FEMALE, 27, List.of(4, 9));
        a.needs = new Needs(false, true, false, true);
        a.languages = List.of("fr", "ro");
        a.urgency = Urgency.IMMEDIATE;
        a.arrivalFrom = T0;
        a.arrivalUntil = T0.plusSeconds(86_400);
        a.holdExpiresAt = T0.plusSeconds(3_600);
        return a;
    }

    static JsonNode json(Object message) throws Exception {
        return JSON.readTree(JSON.writeValueAsString(message));
    }

    static JsonNode json(String text) throws Exception {
        return JSON.readTree(text);
    }

    @Test
    void aProposalCarriesWhatTheTeamNeedsToDecide() throws Exception {
        assertThat(json(AlertMessages.proposal(proposal(), "org.acse.placement.proposed.v1", "http://d/#a", false)))
                .isEqualTo(json("""
                        {"kind":"proposal","event":"org.acse.placement.proposed.v1",
                         "alertId":"00000000-0000-0000-0000-00000000000a",
                         "referralId":"00000000-0000-0000-0000-00000000000b",
                         "placementId":"00000000-0000-0000-0000-00000000000c",
                         "shelterId":"00000000-0000-0000-0000-00000000000d",
                         "status":"OPEN","reminder":false,"pseudonym":"Mésange-1a2b",
                         "household":{"adults":1,"gender":"FEMALE","adultAge":27,"childrenAges":[4,9],"size":3},
                         "needs":{"wheelchairAccess":false,"psychologicalSupport":true,"medicalCare":false,
                                  "interpreter":true},
                         "languages":["fr","ro"],"urgency":"IMMEDIATE",
                         "expectedArrival":{"from":"2026-12-01T10:00:00Z","until":"2026-12-02T10:00:00Z"},
                         "holdExpiresAt":"2026-12-01T11:00:00Z","dashboardUrl":"http://d/#a"}"""));
    }

    @Test
    void aStatusChangeEscalationNoMatchAndDeliveryFailure() throws Exception {
        Alert a = proposal();
        a.status = AlertStatus.ACCEPTED;
        assertThat(json(AlertMessages.statusChange(a, "org.acse.placement.accepted.v1", "http://d/#a")))
                .isEqualTo(json("""
                        {"kind":"status","event":"org.acse.placement.accepted.v1",
                         "alertId":"00000000-0000-0000-0000-00000000000a",
                         "referralId":"00000000-0000-0000-0000-00000000000b",
                         "placementId":"00000000-0000-0000-0000-00000000000c",
                         "shelterId":"00000000-0000-0000-0000-00000000000d",
                         "pseudonym":"Mésange-1a2b","status":"ACCEPTED","dashboardUrl":"http://d/#a"}"""));
        assertThat(json(AlertMessages.escalation(proposal(), "org.acse.alert.escalated.v1", "http://d/#c")))
                .isEqualTo(json("""
                        {"kind":"escalation","event":"org.acse.alert.escalated.v1",
                         "alertId":"00000000-0000-0000-0000-00000000000a",
                         "referralId":"00000000-0000-0000-0000-00000000000b",
                         "placementId":"00000000-0000-0000-0000-00000000000c",
                         "shelterId":"00000000-0000-0000-0000-00000000000d",
                         "pseudonym":"Mésange-1a2b","urgency":"IMMEDIATE","holdExpiresAt":"2026-12-01T11:00:00Z",
                         "reason":"not-acknowledged","dashboardUrl":"http://d/#c"}"""));
        Alert noMatch = proposal();
        noMatch.kind = AlertKind.NO_MATCH;
        noMatch.placementId = null;
        noMatch.shelterId = null;
        assertThat(json(AlertMessages.noMatch(noMatch, "org.acse.placement.no-match.v1", 12, "http://d/#c")))
                .isEqualTo(json("""
                        {"kind":"no-match","event":"org.acse.placement.no-match.v1",
                         "alertId":"00000000-0000-0000-0000-00000000000a",
                         "referralId":"00000000-0000-0000-0000-00000000000b",
                         "pseudonym":"Mésange-1a2b","urgency":"IMMEDIATE","sheltersConsidered":12,
                         "dashboardUrl":"http://d/#c"}"""));
        assertThat(json(AlertMessages.deliveryFailed(
                        PLACEMENT, ALERT, REFERRAL, "WEBHOOK", "SHELTER", SHELTER.toString(), 3, "http://d/#c")))
                .isEqualTo(json("""
                        {"kind":"delivery-failed","event":"org.acse.delivery.failed.v1",
                         "deliveryId":"00000000-0000-0000-0000-00000000000c",
                         "alertId":"00000000-0000-0000-0000-00000000000a",
                         "referralId":"00000000-0000-0000-0000-00000000000b",
                         "channel":"WEBHOOK","recipientType":"SHELTER",
                         "recipientId":"00000000-0000-0000-0000-00000000000d","attempts":3,
                         "dashboardUrl":"http://d/#c"}"""));
    }

    @Test
    void theOrganisationHearsTheStatusOnly() throws Exception {
        assertThat(json(AlertMessages.referralStatus(
                        REFERRAL, "Mésange-1a2b", ReferralStatus.PROPOSED, "org.acse.placement.proposed.v1", T0)))
                .isEqualTo(json("""
                        {"kind":"referral-status","event":"org.acse.placement.proposed.v1",
                         "referralId":"00000000-0000-0000-0000-00000000000b","pseudonym":"Mésange-1a2b",
                         "status":"PROPOSED","at":"2026-12-01T10:00:00Z"}"""));
    }

    @Test
    void aWithdrawnProposalSaysWhyAndOtherChangesDoNot() throws Exception {
        Alert a = proposal();
        a.status = AlertStatus.CANCELLED;
        JsonNode taken = json(AlertMessages.statusChange(
                a, "org.acse.placement.cancelled.v1", Cancellation.OFFER_TAKEN, "http://d/#a"));
        assertThat(taken.path("cancellation").asText()).isEqualTo("OFFER_TAKEN");
        assertThat(taken.path("status").asText()).isEqualTo("CANCELLED");
        assertThat(json(AlertMessages.statusChange(a, "org.acse.placement.cancelled.v1", "http://d/#a"))
                        .has("cancellation"))
                .isFalse();
    }

    @Test
    void aNoMatchEscalationHasNoPlacementShelterOrHold() throws Exception {
        Alert a = proposal();
        a.kind = AlertKind.NO_MATCH;
        a.placementId = null;
        a.shelterId = null;
        a.holdExpiresAt = null;
        assertThat(json(AlertMessages.escalation(a, "org.acse.alert.escalated.v1", "http://d/#a")))
                .isEqualTo(json("""
                        {"kind":"escalation","event":"org.acse.alert.escalated.v1",
                         "alertId":"00000000-0000-0000-0000-00000000000a",
                         "referralId":"00000000-0000-0000-0000-00000000000b",
                         "placementId":null,"shelterId":null,"pseudonym":"Mésange-1a2b","urgency":"IMMEDIATE",
                         "holdExpiresAt":null,"reason":"no-match-unhandled","dashboardUrl":"http://d/#a"}"""));
    }

    @Test
    void coordinatorsMessagesOfTheDecisionLoop() throws Exception {
        UUID related = UUID.fromString("00000000-0000-0000-0000-0000000000ee");
        Alert duplicate = proposal();
        duplicate.kind = AlertKind.POSSIBLE_DUPLICATE;
        duplicate.placementId = null;
        duplicate.shelterId = null;
        duplicate.relatedReferralId = related;
        assertThat(json(AlertMessages.possibleDuplicate(
                        duplicate, null, "org.acse.referral.submitted.v1", "http://d/#a")))
                .isEqualTo(json("""
                        {"kind":"possible-duplicate","event":"org.acse.referral.submitted.v1",
                         "alertId":"00000000-0000-0000-0000-00000000000a",
                         "referralId":"00000000-0000-0000-0000-00000000000b",
                         "relatedReferralId":"00000000-0000-0000-0000-0000000000ee",
                         "pseudonym":"Mésange-1a2b","urgency":"IMMEDIATE","dashboardUrl":"http://d/#a"}"""));
        assertThat(json(AlertMessages.possibleDuplicate(
                                duplicate, "Pinson-77", "org.acse.referral.submitted.v1", "http://d/#a"))
                        .path("relatedPseudonym")
                        .asText())
                .isEqualTo("Pinson-77");

        assertThat(json(AlertMessages.backedOut(
                        ALERT,
                        REFERRAL,
                        PLACEMENT,
                        SHELTER,
                        "Mésange-1a2b",
                        Urgency.WITHIN_72H,
                        DeclineReason.SAFETY_CONCERN,
                        "org.acse.placement.cancelled.v1",
                        T0,
                        "http://d/#c")))
                .isEqualTo(json("""
                        {"kind":"backed-out","event":"org.acse.placement.cancelled.v1",
                         "alertId":"00000000-0000-0000-0000-00000000000a",
                         "referralId":"00000000-0000-0000-0000-00000000000b",
                         "placementId":"00000000-0000-0000-0000-00000000000c",
                         "shelterId":"00000000-0000-0000-0000-00000000000d",
                         "pseudonym":"Mésange-1a2b","urgency":"WITHIN_72H","reason":"SAFETY_CONCERN",
                         "at":"2026-12-01T10:00:00Z","dashboardUrl":"http://d/#c"}"""));

        Alert noShow = proposal();
        noShow.kind = AlertKind.NO_SHOW;
        JsonNode body = json(AlertMessages.noShow(noShow, "org.acse.placement.no-show.v1", T0, "http://d/#a"));
        assertThat(body.path("kind").asText()).isEqualTo("no-show");
        assertThat(body.path("placementId").asText()).isEqualTo(PLACEMENT.toString());
        assertThat(body.path("at").asText()).isEqualTo("2026-12-01T10:00:00Z");
        assertThat(body.has("household")).isFalse();
    }

    @Test
    void aReasonCodeThisVersionDoesNotKnowCountsAsOther() {
        assertThat(AlertService.declineReason("SAFETY_CONCERN")).isEqualTo(DeclineReason.SAFETY_CONCERN);
        assertThat(AlertService.declineReason("A_NEWER_REASON")).isEqualTo(DeclineReason.OTHER);
        assertThat(AlertService.declineReason(null)).isNull();
    }
}
