package org.acse.placement.referral;

/**
 * The referral's status as placement drives it; SUBMITTED ends when placement takes it in hand.
 * {@code AWAITING_DECISION}: a coordinator must decide before any bed is held (a no-show, or a possible duplicate).
 */
public enum ReferralStatus {
    SEARCHING,
    PROPOSED,
    ACCEPTED,
    ARRIVED,
    NO_MATCH,
    AWAITING_DECISION,
    WITHDRAWN;

    public boolean closed() {
        return this == ARRIVED || this == WITHDRAWN;
    }

    /** Matching may hold places for it. */
    public boolean searchable() {
        return this == SEARCHING || this == PROPOSED || this == NO_MATCH;
    }
}
