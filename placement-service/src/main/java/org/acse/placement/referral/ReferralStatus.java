package org.acse.placement.referral;

/** The referral's status as placement drives it (product §3); SUBMITTED ends when placement takes it in hand. */
public enum ReferralStatus {
    SEARCHING, PROPOSED, ACCEPTED, ARRIVED, NO_MATCH, WITHDRAWN;

    public boolean closed() {
        return this == ARRIVED || this == WITHDRAWN;
    }
}
