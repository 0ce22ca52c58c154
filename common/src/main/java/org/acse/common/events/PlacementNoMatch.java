package org.acse.common.events;

import java.time.Instant;
import java.util.UUID;

/**
 * {@code org.acse.placement.no-match.v1}: no eligible place now. The referral waits and is re-matched whenever a place
 * is published or freed; coordinators are alerted at once.
 */
public record PlacementNoMatch(UUID referralId, String pseudonym, Urgency urgency, int sheltersConsidered, Instant at)
        implements AcseEvent {}
