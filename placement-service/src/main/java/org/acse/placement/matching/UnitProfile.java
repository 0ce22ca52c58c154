package org.acse.placement.matching;

import java.time.Instant;
import java.util.UUID;

/** One unit as matching sees it. {@code availableFrom} null means now (FREE) or unknown (OCCUPIED). */
public record UnitProfile(UUID id, int capacity, UnitStatus status, Instant availableFrom, Instant lastConfirmedAt) {}
