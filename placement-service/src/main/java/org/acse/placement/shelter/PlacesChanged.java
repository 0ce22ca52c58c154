package org.acse.placement.shelter;

import java.util.UUID;

/**
 * A shelter's places were published or changed, and committed: waiting referrals may find one now. Fired by the
 * registry, observed by the decision loop (which depends on the registry, not the other way round).
 */
public record PlacesChanged(UUID shelterId) {}
