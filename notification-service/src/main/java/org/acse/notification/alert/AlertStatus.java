package org.acse.notification.alert;

/** Where an alert stands. OPEN and ESCALATED still await the team; the others are closed. */
public enum AlertStatus {
    OPEN, ACKNOWLEDGED, ESCALATED, ACCEPTED, DECLINED, EXPIRED, CANCELLED, ARRIVED, WITHDRAWN, RESOLVED;

    public boolean isActive() {
        return this == OPEN || this == ACKNOWLEDGED || this == ESCALATED;
    }
}
