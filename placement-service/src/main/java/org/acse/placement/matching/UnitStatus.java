package org.acse.placement.matching;

/** What a shelter's staff say about one unit. OCCUPIED with an {@code availableFrom} is a unit that will free up. */
public enum UnitStatus {
    FREE,
    OCCUPIED,
    OUT_OF_SERVICE
}
