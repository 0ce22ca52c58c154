package org.acse.notification.alert;

/**
 * The referral's status as its referring organisation hears it (never where the person goes). The same names as
 * intake's statuses, which partners already read.
 */
public enum ReferralStatus {
    SUBMITTED,
    SEARCHING,
    PROPOSED,
    ACCEPTED,
    ARRIVED,
    NO_MATCH,
    NO_SHOW,
    WITHDRAWN
}
