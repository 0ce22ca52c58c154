package org.acse.common.events;

import java.time.Instant;
import java.util.UUID;

/**
 * {@code org.acse.referral.erased.v1}: a coordinator had the closed referral's personal data erased now; every service
 * erases its copy at once, as its retention would after the delay.
 */
public record ReferralErased(UUID referralId, Instant erasedAt) implements AcseEvent {}
