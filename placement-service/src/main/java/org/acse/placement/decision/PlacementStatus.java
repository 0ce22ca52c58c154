package org.acse.placement.decision;

/** A placement's status; {@link PlacementRules} says which moves are allowed. HELD and ACCEPTED keep the unit. */
public enum PlacementStatus {
    HELD,
    ACCEPTED,
    DECLINED,
    EXPIRED,
    CANCELLED,
    NO_SHOW,
    ARRIVED;

    /** The unit is kept from anyone else. */
    public boolean live() {
        return this == HELD || this == ACCEPTED;
    }
}
