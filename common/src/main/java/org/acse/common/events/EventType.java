package org.acse.common.events;

import java.util.Arrays;
import java.util.Optional;

/**
 * Every CloudEvent type of the suite, with the topic it travels on and the record that is its data.
 * The type string is the contract; the version suffix changes only on a breaking change of the record.
 */
public enum EventType {
    REFERRAL_SUBMITTED("org.acse.referral.submitted.v1", Topics.REFERRALS, ReferralSubmitted.class),
    REFERRAL_WITHDRAWN("org.acse.referral.withdrawn.v1", Topics.REFERRALS, ReferralWithdrawn.class),
    REFERRAL_ERASED("org.acse.referral.erased.v1", Topics.REFERRALS, ReferralErased.class),
    PLACEMENT_PROPOSED("org.acse.placement.proposed.v1", Topics.PLACEMENTS, PlacementProposed.class),
    PLACEMENT_ACCEPTED("org.acse.placement.accepted.v1", Topics.PLACEMENTS, PlacementDecided.class),
    PLACEMENT_DECLINED("org.acse.placement.declined.v1", Topics.PLACEMENTS, PlacementDecided.class),
    PLACEMENT_EXPIRED("org.acse.placement.expired.v1", Topics.PLACEMENTS, PlacementDecided.class),
    PLACEMENT_CANCELLED("org.acse.placement.cancelled.v1", Topics.PLACEMENTS, PlacementDecided.class),
    PLACEMENT_ARRIVED("org.acse.placement.arrived.v1", Topics.PLACEMENTS, PlacementDecided.class),
    PLACEMENT_NO_SHOW("org.acse.placement.no-show.v1", Topics.PLACEMENTS, PlacementDecided.class),
    PLACEMENT_NO_MATCH("org.acse.placement.no-match.v1", Topics.PLACEMENTS, PlacementNoMatch.class),
    PLACEMENT_SEARCHING("org.acse.placement.searching.v1", Topics.PLACEMENTS, PlacementSearching.class),
    ALERT_ACKNOWLEDGED("org.acse.alert.acknowledged.v1", Topics.ALERTS, AlertAcknowledged.class),
    ALERT_ESCALATED("org.acse.alert.escalated.v1", Topics.ALERTS, AlertEscalated.class);

    private final String type;
    private final String topic;
    private final Class<? extends AcseEvent> dataClass;

    EventType(String type, String topic, Class<? extends AcseEvent> dataClass) {
        this.type = type;
        this.topic = topic;
        this.dataClass = dataClass;
    }

    /** The CloudEvents {@code type} attribute. */
    public String type() {
        return type;
    }

    public String topic() {
        return topic;
    }

    public Class<? extends AcseEvent> dataClass() {
        return dataClass;
    }

    /** Unknown types are not an error for a consumer: newer producers may add some. */
    public static Optional<EventType> fromType(String type) {
        return Arrays.stream(values()).filter(t -> t.type.equals(type)).findFirst();
    }
}
