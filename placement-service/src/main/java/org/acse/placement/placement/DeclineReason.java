package org.acse.placement.placement;

/** Why a shelter declined: a fixed list, so that the reason can travel in events without free text. */
public enum DeclineReason {
    NO_LONGER_AVAILABLE, PROFILE_NOT_SUPPORTED, SAFETY_CONCERN, STAFF_UNAVAILABLE, LANGUAGE_BARRIER, OTHER
}
