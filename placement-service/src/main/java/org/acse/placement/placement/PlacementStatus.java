package org.acse.placement.placement;

/** Product §3. HELD and ACCEPTED are live: they keep the unit from anyone else. */
public enum PlacementStatus {
    HELD, ACCEPTED, DECLINED, EXPIRED, CANCELLED, ARRIVED
}
