package org.acse.common.events;

import java.time.Instant;
import java.util.UUID;

/** {@code org.acse.alert.escalated.v1}: an alert was not acknowledged in time and coordinators were told. */
public record AlertEscalated(UUID alertId, UUID referralId, UUID shelterId, String reason, Instant at)
        implements AcseEvent {}
