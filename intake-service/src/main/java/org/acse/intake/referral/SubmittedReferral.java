package org.acse.intake.referral;

import java.util.UUID;

/** The answer to a submission: what the partner needs to follow the referral, nothing more. */
public record SubmittedReferral(UUID id, ReferralStatus status, String pseudonym) {
}
