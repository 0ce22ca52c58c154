package org.acse.platform.logging;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.acse.common.events.AcseEvent;
import org.acse.common.events.EventType;
import org.acse.common.events.PlacementDecided;
import org.acse.common.events.PlacementProposed;
import org.acse.platform.tracing.Traceparent;
import org.jboss.logging.Logger;
import org.jboss.logging.MDC;

/**
 * One INFO line per business event, so that an operator can follow a referral through the suite in the logs alone.
 * The line and its MDC carry ids, the event type and the trace id only: never a field of the payload, which may hold
 * a household or a zone.
 */
public final class EventLog {
    /** MDC keys, the same in every service (the JSON logs of production carry them as fields). */
    public static final String REFERRAL_ID = "referralId";

    public static final String PLACEMENT_ID = "placementId";
    public static final String TRACE_ID = "traceId";
    public static final String EVENT = "event";
    private static final List<String> KEYS = List.of(REFERRAL_ID, PLACEMENT_ID, TRACE_ID, EVENT);

    private static final Logger LOG = Logger.getLogger("org.acse.events");

    private EventLog() {}

    /** An event the service has committed to publish. */
    public static void published(EventType type, AcseEvent event, String traceparent) {
        line(shortName(type), event.referralId(), placementOf(event), traceparent, null);
    }

    /**
     * A business step that is not an event on the broker (an alert delivered or failed), with the outcome's code; the
     * code is an enum name or a number, never free text.
     */
    public static void step(String name, UUID referralId, UUID placementId, String traceparent, String outcome) {
        line(name, referralId, placementId, traceparent, outcome);
    }

    private static void line(String name, UUID referralId, UUID placementId, String traceparent, String outcome) {
        // Lines logged around this one (a consumer's handling, a request) keep their own MDC.
        Map<String, Object> previous = new HashMap<>();
        for (String key : KEYS) {
            previous.put(key, MDC.get(key));
        }
        try {
            MDC.put(EVENT, name);
            put(REFERRAL_ID, referralId == null ? null : referralId.toString());
            put(PLACEMENT_ID, placementId == null ? null : placementId.toString());
            put(TRACE_ID, Traceparent.traceId(traceparent));
            String placement = placementId == null ? "" : " placement=" + placementId;
            if (outcome == null) {
                LOG.infof("%s referral=%s%s", name, referralId, placement);
            } else {
                LOG.infof("%s referral=%s%s outcome=%s", name, referralId, placement, outcome);
            }
        } finally {
            previous.forEach((key, value) -> {
                if (value == null) {
                    MDC.remove(key);
                } else {
                    MDC.put(key, value);
                }
            });
        }
    }

    private static void put(String key, String value) {
        if (value != null) {
            MDC.put(key, value);
        }
    }

    /** {@code org.acse.placement.proposed.v1} → {@code placement.proposed}. */
    static String shortName(EventType type) {
        String name = type.type().substring("org.acse.".length());
        return name.substring(0, name.lastIndexOf('.'));
    }

    private static UUID placementOf(AcseEvent event) {
        if (event instanceof PlacementProposed proposed) {
            return proposed.placementId();
        }
        if (event instanceof PlacementDecided decided) {
            return decided.placementId();
        }
        return null;
    }
}
