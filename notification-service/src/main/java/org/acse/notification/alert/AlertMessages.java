package org.acse.notification.alert;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.acse.common.events.Household;
import org.acse.common.events.Needs;

/**
 * The bodies of what is sent out (webhook JSON, and the data of the e-mail templates). Built from the alert's
 * identity-free fields only: pseudonym, household composition, needs, languages, urgency, dates, ids and a link.
 * Partner organisations' updates carry no shelter identity at all.
 */
public final class AlertMessages {
    public static final String DELIVERY_FAILED = "org.acse.delivery.failed.v1";

    /** To the receiving shelter: a new proposal (or a reminder of it when escalated). */
    public static Map<String, Object> proposal(Alert alert, String eventType, String dashboardUrl, boolean reminder) {
        Map<String, Object> m = base("proposal", eventType);
        m.put("alertId", alert.id);
        m.put("referralId", alert.referralId);
        m.put("placementId", alert.placementId);
        m.put("shelterId", alert.shelterId);
        m.put("status", alert.status);
        m.put("reminder", reminder);
        m.put("pseudonym", alert.pseudonym);
        m.put("household", household(alert.household));
        m.put("needs", needs(alert.needs));
        m.put("languages", alert.languages);
        m.put("urgency", alert.urgency);
        Map<String, Object> arrival = new LinkedHashMap<>();
        arrival.put("from", alert.arrivalFrom);
        arrival.put("until", alert.arrivalUntil);
        m.put("expectedArrival", arrival);
        m.put("holdExpiresAt", alert.holdExpiresAt);
        m.put("dashboardUrl", dashboardUrl);
        return m;
    }

    /** To the shelter: the proposal moved (accepted, declined, expired, cancelled, arrived, withdrawn). */
    public static Map<String, Object> statusChange(Alert alert, String eventType, String dashboardUrl) {
        Map<String, Object> m = base("status", eventType);
        m.put("alertId", alert.id);
        m.put("referralId", alert.referralId);
        m.put("placementId", alert.placementId);
        m.put("shelterId", alert.shelterId);
        m.put("pseudonym", alert.pseudonym);
        m.put("status", alert.status);
        m.put("dashboardUrl", dashboardUrl);
        return m;
    }

    /** To coordinators: a proposal was not acknowledged in time. */
    public static Map<String, Object> escalation(Alert alert, String eventType, String dashboardUrl) {
        Map<String, Object> m = base("escalation", eventType);
        m.put("alertId", alert.id);
        m.put("referralId", alert.referralId);
        m.put("placementId", alert.placementId);
        m.put("shelterId", alert.shelterId);
        m.put("pseudonym", alert.pseudonym);
        m.put("urgency", alert.urgency);
        m.put("holdExpiresAt", alert.holdExpiresAt);
        m.put("reason", "not-acknowledged");
        m.put("dashboardUrl", dashboardUrl);
        return m;
    }

    /** To coordinators: no eligible place. */
    public static Map<String, Object> noMatch(Alert alert, String eventType, int sheltersConsidered,
            String dashboardUrl) {
        Map<String, Object> m = base("no-match", eventType);
        m.put("alertId", alert.id);
        m.put("referralId", alert.referralId);
        m.put("pseudonym", alert.pseudonym);
        m.put("urgency", alert.urgency);
        m.put("sheltersConsidered", sheltersConsidered);
        m.put("dashboardUrl", dashboardUrl);
        return m;
    }

    /** To the referring organisation: the referral's status, never where the person goes. */
    public static Map<String, Object> referralStatus(UUID referralId, String pseudonym, String status,
            String eventType, Instant at) {
        Map<String, Object> m = base("referral-status", eventType);
        m.put("referralId", referralId);
        m.put("pseudonym", pseudonym);
        m.put("status", status);
        m.put("at", at);
        return m;
    }

    /** To coordinators: a delivery gave up. */
    public static Map<String, Object> deliveryFailed(UUID deliveryId, UUID alertId, UUID referralId, String channel,
            String recipientType, String recipientId, int attempts, String dashboardUrl) {
        Map<String, Object> m = base("delivery-failed", DELIVERY_FAILED);
        m.put("deliveryId", deliveryId);
        m.put("alertId", alertId);
        m.put("referralId", referralId);
        m.put("channel", channel);
        m.put("recipientType", recipientType);
        m.put("recipientId", recipientId);
        m.put("attempts", attempts);
        m.put("dashboardUrl", dashboardUrl);
        return m;
    }

    private static Map<String, Object> base(String kind, String eventType) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("kind", kind);
        m.put("event", eventType);
        return m;
    }

    private static Map<String, Object> household(Household h) {
        Map<String, Object> m = new LinkedHashMap<>();
        if (h == null) {
            return m;
        }
        m.put("adults", 1);
        m.put("gender", h.gender());
        m.put("adultAge", h.adultAge());
        m.put("childrenAges", h.childrenAges());
        m.put("size", h.size());
        return m;
    }

    private static Map<String, Object> needs(Needs n) {
        Map<String, Object> m = new LinkedHashMap<>();
        Needs needs = n == null ? Needs.NONE : n;
        m.put("wheelchairAccess", needs.wheelchairAccess());
        m.put("psychologicalSupport", needs.psychologicalSupport());
        m.put("medicalCare", needs.medicalCare());
        m.put("interpreter", needs.interpreter());
        return m;
    }

    private AlertMessages() {
    }
}
