package org.acse.intake.referral;

import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The answer to a submission: what the partner needs to follow the referral, nothing more. */
public record SubmittedReferral(
        @Schema(required = true, examples = "0b9f3c52-6a1e-4f7d-9c2b-8e4a1d5f7c30")
        UUID id,

        @Schema(required = true, examples = "SUBMITTED") ReferralStatus status,

        @Schema(
                required = true,
                description = "Random, never derived from the person: what partners say on the" + " phone.",
                examples = "R-K7M3QX9P")
        String pseudonym) {}
