package org.acse.common.events;

import java.time.Instant;
import java.util.UUID;

/** {@code org.acse.placement.searching.v1}: placement took the referral in hand and is matching it. */
public record PlacementSearching(UUID referralId, Instant at) implements AcseEvent {}
