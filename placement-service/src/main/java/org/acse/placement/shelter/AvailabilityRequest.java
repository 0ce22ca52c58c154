package org.acse.placement.shelter;

import jakarta.validation.constraints.NotNull;
import java.time.Instant;
import org.acse.placement.matching.UnitStatus;

/** {@code PUT /api/v1/shelters/{id}/units/{unitId}/availability}: what the staff see now. */
public record AvailabilityRequest(@NotNull UnitStatus status, Instant availableFrom) {}
