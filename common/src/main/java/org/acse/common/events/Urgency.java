package org.acse.common.events;

/** How soon the person must be sheltered. Delays and hold durations are configured per service. */
public enum Urgency {
    IMMEDIATE,
    WITHIN_72H,
    WITHIN_7_DAYS
}
