package org.acse.notification.alert;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.acse.common.events.Cancellation;
import org.acse.common.events.DeclineReason;
import org.acse.common.events.Gender;
import org.acse.common.events.Household;
import org.acse.common.events.Needs;
import org.acse.common.events.Urgency;
import org.acse.notification.delivery.MessageBody;

/**
 * The bodies of what is sent out (webhook JSON, and the data of the e-mail templates), one record per kind of
 * message. Built from the alert's identity-free fields only: pseudonym, household composition, needs, languages,
 * urgency, dates, ids, codes and a link. Partner organisations' updates carry no shelter identity at all.
 * Every body starts with {@code kind} (which message) and {@code event} (the CloudEvent type it answers).
 */
public final class AlertMessages {
    public static final String DELIVERY_FAILED = "org.acse.delivery.failed.v1";

    /** Why a coordinators' escalation was sent. */
    public static final String NOT_ACKNOWLEDGED = "not-acknowledged";

    public static final String NO_MATCH_UNHANDLED = "no-match-unhandled";

    /** One message body: what a webhook receives as JSON and an e-mail template reads. */
    public sealed interface AlertMessage extends MessageBody
            permits Proposal,
                    StatusChange,
                    Escalation,
                    NoMatch,
                    NoShow,
                    BackedOut,
                    PossibleDuplicate,
                    ReferralStatusUpdate,
                    DeliveryFailed {}

    /** Household composition without identity; empty when unknown. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record HouseholdView(
            Integer adults, Gender gender, Integer adultAge, List<Integer> childrenAges, Integer size) {
        static HouseholdView of(Household h) {
            return h == null
                    ? new HouseholdView(null, null, null, null, null)
                    : new HouseholdView(1, h.gender(), h.adultAge(), h.childrenAges(), h.size());
        }
    }

    public record NeedsView(
            boolean wheelchairAccess, boolean psychologicalSupport, boolean medicalCare, boolean interpreter) {
        static NeedsView of(Needs n) {
            Needs needs = n == null ? Needs.NONE : n;
            return new NeedsView(
                    needs.wheelchairAccess(), needs.psychologicalSupport(), needs.medicalCare(), needs.interpreter());
        }
    }

    public record ExpectedArrival(Instant from, Instant until) {}

    /** To the receiving shelter: a new proposal (or a reminder of it when escalated). */
    public record Proposal(
            String kind,
            String event,
            UUID alertId,
            UUID referralId,
            UUID placementId,
            UUID shelterId,
            AlertStatus status,
            boolean reminder,
            String pseudonym,
            HouseholdView household,
            NeedsView needs,
            List<String> languages,
            Urgency urgency,
            ExpectedArrival expectedArrival,
            Instant holdExpiresAt,
            String dashboardUrl)
            implements AlertMessage {}

    /**
     * To the shelter: the proposal moved (accepted, declined, expired, cancelled, arrived, no-show, withdrawn). A
     * cancellation says why ({@code cancellation}: another shelter accepted, the coordination placed the person
     * elsewhere, the shelter backed out, the referral was withdrawn); absent for any other change.
     */
    public record StatusChange(
            String kind,
            String event,
            UUID alertId,
            UUID referralId,
            UUID placementId,
            UUID shelterId,
            String pseudonym,
            AlertStatus status,
            @JsonInclude(JsonInclude.Include.NON_NULL) Cancellation cancellation,
            String dashboardUrl)
            implements AlertMessage {}

    /**
     * To coordinators: an alert nobody acknowledged in time, a proposal ({@code reason} {@value #NOT_ACKNOWLEDGED})
     * or a no-match ({@value #NO_MATCH_UNHANDLED}, without placement, shelter or hold).
     */
    public record Escalation(
            String kind,
            String event,
            UUID alertId,
            UUID referralId,
            UUID placementId,
            UUID shelterId,
            String pseudonym,
            Urgency urgency,
            Instant holdExpiresAt,
            String reason,
            String dashboardUrl)
            implements AlertMessage {}

    /** To coordinators: no eligible place. */
    public record NoMatch(
            String kind,
            String event,
            UUID alertId,
            UUID referralId,
            String pseudonym,
            Urgency urgency,
            int sheltersConsidered,
            String dashboardUrl)
            implements AlertMessage {}

    /** To coordinators: the person did not arrive at the shelter that accepted; match again or close. */
    public record NoShow(
            String kind,
            String event,
            UUID alertId,
            UUID referralId,
            UUID placementId,
            UUID shelterId,
            String pseudonym,
            Urgency urgency,
            Instant at,
            String dashboardUrl)
            implements AlertMessage {}

    /** To coordinators: a shelter backed out of an accepted placement (reason code); the referral is matched again. */
    public record BackedOut(
            String kind,
            String event,
            UUID alertId,
            UUID referralId,
            UUID placementId,
            UUID shelterId,
            String pseudonym,
            Urgency urgency,
            DeclineReason reason,
            Instant at,
            String dashboardUrl)
            implements AlertMessage {}

    /**
     * To coordinators: this referral seems to be for the same person as another open one; nothing is held until a
     * coordinator decides. {@code relatedPseudonym} is absent when that referral is unknown here.
     */
    public record PossibleDuplicate(
            String kind,
            String event,
            UUID alertId,
            UUID referralId,
            UUID relatedReferralId,
            String pseudonym,
            @JsonInclude(JsonInclude.Include.NON_NULL) String relatedPseudonym,
            Urgency urgency,
            String dashboardUrl)
            implements AlertMessage {}

    /** To the referring organisation: the referral's status, never where the person goes. */
    public record ReferralStatusUpdate(
            String kind, String event, UUID referralId, String pseudonym, ReferralStatus status, Instant at)
            implements AlertMessage {}

    /** To coordinators: a delivery gave up. */
    public record DeliveryFailed(
            String kind,
            String event,
            UUID deliveryId,
            UUID alertId,
            UUID referralId,
            String channel,
            String recipientType,
            String recipientId,
            int attempts,
            String dashboardUrl)
            implements AlertMessage {}

    public static Proposal proposal(Alert alert, String eventType, String dashboardUrl, boolean reminder) {
        return new Proposal(
                "proposal",
                eventType,
                alert.id,
                alert.referralId,
                alert.placementId,
                alert.shelterId,
                alert.status,
                reminder,
                alert.pseudonym,
                HouseholdView.of(alert.household),
                NeedsView.of(alert.needs),
                alert.languages,
                alert.urgency,
                new ExpectedArrival(alert.arrivalFrom, alert.arrivalUntil),
                alert.holdExpiresAt,
                dashboardUrl);
    }

    public static StatusChange statusChange(Alert alert, String eventType, String dashboardUrl) {
        return statusChange(alert, eventType, null, dashboardUrl);
    }

    public static StatusChange statusChange(
            Alert alert, String eventType, Cancellation cancellation, String dashboardUrl) {
        return new StatusChange(
                "status",
                eventType,
                alert.id,
                alert.referralId,
                alert.placementId,
                alert.shelterId,
                alert.pseudonym,
                alert.status,
                cancellation,
                dashboardUrl);
    }

    public static Escalation escalation(Alert alert, String eventType, String dashboardUrl) {
        return new Escalation(
                "escalation",
                eventType,
                alert.id,
                alert.referralId,
                alert.placementId,
                alert.shelterId,
                alert.pseudonym,
                alert.urgency,
                alert.holdExpiresAt,
                alert.kind == AlertKind.NO_MATCH ? NO_MATCH_UNHANDLED : NOT_ACKNOWLEDGED,
                dashboardUrl);
    }

    public static NoMatch noMatch(Alert alert, String eventType, int sheltersConsidered, String dashboardUrl) {
        return new NoMatch(
                "no-match",
                eventType,
                alert.id,
                alert.referralId,
                alert.pseudonym,
                alert.urgency,
                sheltersConsidered,
                dashboardUrl);
    }

    public static NoShow noShow(Alert alert, String eventType, Instant at, String dashboardUrl) {
        return new NoShow(
                "no-show",
                eventType,
                alert.id,
                alert.referralId,
                alert.placementId,
                alert.shelterId,
                alert.pseudonym,
                alert.urgency,
                at,
                dashboardUrl);
    }

    public static BackedOut backedOut(
            UUID alertId,
            UUID referralId,
            UUID placementId,
            UUID shelterId,
            String pseudonym,
            Urgency urgency,
            DeclineReason reason,
            String eventType,
            Instant at,
            String dashboardUrl) {
        return new BackedOut(
                "backed-out",
                eventType,
                alertId,
                referralId,
                placementId,
                shelterId,
                pseudonym,
                urgency,
                reason,
                at,
                dashboardUrl);
    }

    public static PossibleDuplicate possibleDuplicate(
            Alert alert, String relatedPseudonym, String eventType, String dashboardUrl) {
        return new PossibleDuplicate(
                "possible-duplicate",
                eventType,
                alert.id,
                alert.referralId,
                alert.relatedReferralId,
                alert.pseudonym,
                relatedPseudonym,
                alert.urgency,
                dashboardUrl);
    }

    public static ReferralStatusUpdate referralStatus(
            UUID referralId, String pseudonym, ReferralStatus status, String eventType, Instant at) {
        return new ReferralStatusUpdate("referral-status", eventType, referralId, pseudonym, status, at);
    }

    public static DeliveryFailed deliveryFailed(
            UUID deliveryId,
            UUID alertId,
            UUID referralId,
            String channel,
            String recipientType,
            String recipientId,
            int attempts,
            String dashboardUrl) {
        return new DeliveryFailed(
                "delivery-failed",
                DELIVERY_FAILED,
                deliveryId,
                alertId,
                referralId,
                channel,
                recipientType,
                recipientId,
                attempts,
                dashboardUrl);
    }

    private AlertMessages() {}
}
