package org.acse.intake.referral;

/**
 * Product §3, and {@code NO_SHOW} (ADR 9): the person did not arrive at the shelter that accepted, and coordinators must
 * decide (match again or withdraw). ARRIVED and WITHDRAWN close a referral.
 */
public enum ReferralStatus {
    SUBMITTED,
    SEARCHING,
    PROPOSED,
    ACCEPTED,
    ARRIVED,
    NO_MATCH,
    NO_SHOW,
    WITHDRAWN;

    public boolean isClosed() {
        return this == ARRIVED || this == WITHDRAWN;
    }
}
