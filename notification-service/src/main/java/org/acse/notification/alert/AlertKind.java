package org.acse.notification.alert;

/** What an alert is about, and so who sees it: the receiving shelter's team, or coordinators only. */
public enum AlertKind {
    /** A place is held for a referral: the receiving shelter must answer. */
    PROPOSAL,
    /** No eligible place: coordinators must act. */
    NO_MATCH,
    /** The person did not arrive at the shelter that accepted: coordinators decide (match again or close). */
    NO_SHOW,
    /** The referral seems to be for the same person as another open one: coordinators decide before a bed is held. */
    POSSIBLE_DUPLICATE;

    /** Only a proposal is the shelter team's; every other kind is for coordinators alone. */
    public boolean forShelter() {
        return this == PROPOSAL;
    }
}
