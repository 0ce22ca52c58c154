package org.acse.intake.referral;

/** Product §3. ARRIVED and WITHDRAWN close a referral. */
public enum ReferralStatus {
    SUBMITTED, SEARCHING, PROPOSED, ACCEPTED, ARRIVED, NO_MATCH, WITHDRAWN;

    public boolean isClosed() {
        return this == ARRIVED || this == WITHDRAWN;
    }
}
