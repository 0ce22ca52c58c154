package org.acse.common.events;

import java.time.Instant;
import java.util.UUID;

/**
 * The data of {@code accepted}, {@code declined}, {@code expired}, {@code cancelled} and {@code arrived}: which
 * placement moved, and when. {@code reason} is a declined placement's reason code (never free text), else null.
 */
public record PlacementDecided(UUID placementId, UUID referralId, UUID shelterId, UUID unitId, String reason,
        Instant at) implements AcseEvent {
}
