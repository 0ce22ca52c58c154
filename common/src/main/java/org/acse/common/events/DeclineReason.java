package org.acse.common.events;

/**
 * Why a shelter declined a proposal or backed out of an acceptance: a fixed list, so that the reason travels in
 * events and figures without free text. The wire form is the constant's name.
 */
public enum DeclineReason {
    NO_LONGER_AVAILABLE,
    PROFILE_NOT_SUPPORTED,
    SAFETY_CONCERN,
    STAFF_UNAVAILABLE,
    LANGUAGE_BARRIER,
    OTHER
}
