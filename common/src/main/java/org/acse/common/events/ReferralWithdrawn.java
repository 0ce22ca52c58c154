package org.acse.common.events;

import java.time.Instant;
import java.util.UUID;

/** {@code org.acse.referral.withdrawn.v1}: the referral no longer needs a place; any hold must be released. */
public record ReferralWithdrawn(UUID referralId, Instant withdrawnAt) implements AcseEvent {}
