package org.acse.notification.alert;

import java.util.List;

/**
 * Where an alert stands. OPEN, ACKNOWLEDGED and ESCALATED still await someone; the others are closed. A proposal
 * ends ACCEPTED (then ARRIVED or NO_SHOW), DECLINED, EXPIRED, CANCELLED or WITHDRAWN; a coordinators' alert ends
 * RESOLVED (the referral moved on) or WITHDRAWN.
 */
public enum AlertStatus {
    OPEN,
    ACKNOWLEDGED,
    ESCALATED,
    ACCEPTED,
    DECLINED,
    EXPIRED,
    CANCELLED,
    ARRIVED,
    NO_SHOW,
    WITHDRAWN,
    RESOLVED;

    public static final List<AlertStatus> ACTIVE = List.of(OPEN, ACKNOWLEDGED, ESCALATED);

    public boolean isActive() {
        return ACTIVE.contains(this);
    }
}
