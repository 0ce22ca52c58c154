package org.acse.common.events;

/** Why a placement was cancelled ({@code org.acse.placement.cancelled.v1}). */
public enum Cancellation {
    /** The referral was withdrawn by its partner or a coordinator. */
    REFERRAL_WITHDRAWN,
    /** A parallel offer: another shelter accepted first, so this hold is released. */
    OFFER_TAKEN,
    /** The shelter backed out after accepting, or a coordinator cancelled the placement, with a reason. */
    BACKED_OUT,
    /** A coordinator placed the referral manually on another unit. */
    REPLACED
}
