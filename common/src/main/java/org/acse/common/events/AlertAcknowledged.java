package org.acse.common.events;

import java.time.Instant;
import java.util.UUID;

/** {@code org.acse.alert.acknowledged.v1}: the receiving team has seen the alert. */
public record AlertAcknowledged(UUID alertId, UUID referralId, UUID shelterId, Instant at) implements AcseEvent {}
