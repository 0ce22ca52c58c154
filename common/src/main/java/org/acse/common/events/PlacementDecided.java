package org.acse.common.events;

import java.time.Instant;
import java.util.UUID;

/**
 * The data of {@code accepted}, {@code declined}, {@code expired}, {@code cancelled}, {@code no-show} and
 * {@code arrived}: which placement moved, and when. {@code reason} is a {@link DeclineReason} code for a decline or a
 * back-out (never free text), else null; {@code cancellation} says why a placement was cancelled, else null. For
 * {@code arrived}, {@code shelterId} is the shelter the person arrived at.
 */
public record PlacementDecided(
        UUID placementId,
        UUID referralId,
        UUID shelterId,
        UUID unitId,
        String reason,
        Cancellation cancellation,
        Instant at)
        implements AcseEvent {}
