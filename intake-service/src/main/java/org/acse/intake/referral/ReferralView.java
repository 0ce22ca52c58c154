package org.acse.intake.referral;

import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.acse.common.events.Urgency;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A referral as its referring organisation follows it: status and timeline, never the shelter. The fields after
 * {@code timeline} are for coordinators only and are null (absent) for a partner: {@code possibleDuplicateOf} is an
 * older open referral that may be the same person, {@code possibleDuplicates} the newer ones that point at this one,
 * {@code acceptedShelterId} the shelter of the accepted or arrived placement. {@code personalDataErased} is shown to
 * the referring organisation too, once true: that is how it learns its referral was erased (ADR 17).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ReferralView(
        UUID id,
        @Schema(examples = "R-K7M3QX9P") String pseudonym,
        ReferralStatus status,
        Urgency urgency,
        Instant submittedAt,
        Instant updatedAt,
        List<Step> timeline,
        String organisationId,
        UUID possibleDuplicateOf,
        List<UUID> possibleDuplicates,
        UUID acceptedShelterId,
        Boolean personalDataErased) {

    public record Step(ReferralStatus status, Instant at) {}

    /** One line of a list; {@code possibleDuplicateOf} for coordinators only. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Summary(
            UUID id,
            String pseudonym,
            ReferralStatus status,
            Urgency urgency,
            Instant submittedAt,
            Instant updatedAt,
            UUID possibleDuplicateOf) {}

    public record Withdrawal(
            @Schema(
                    required = true,
                    description = "Why the search stops; no personal data.",
                    examples = "Placed by another network")
            @NotBlank(message = "is required")
            @Size(max = MAX_REASON, message = "must have at most " + MAX_REASON + " characters")
            String reason) {
        static final int MAX_REASON = 500;
    }

    public record Erasure(
            @Schema(
                    required = true,
                    description = "Why the personal data is erased before the retention delay; no personal data.",
                    examples = "The person asked for their data to be erased")
            @NotBlank(message = "is required")
            @Size(max = Withdrawal.MAX_REASON, message = "must have at most " + Withdrawal.MAX_REASON + " characters")
            String reason) {}

    /** The identity, for coordinators and the team that accepted the person; every read is audited. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Identity(UUID referralId, String pseudonym, PersonData person, String notes) {}

    /** What is encrypted as the identity. */
    public record PersonData(
            String firstName, String lastName, LocalDate birthDate, String nationality, String phone) {}
}
