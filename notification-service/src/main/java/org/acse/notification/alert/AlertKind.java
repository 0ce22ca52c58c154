package org.acse.notification.alert;

public enum AlertKind {
    /** A place is held for a referral: the receiving shelter must answer. */
    PROPOSAL,
    /** No eligible place: coordinators must act. */
    NO_MATCH
}
