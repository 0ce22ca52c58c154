package org.acse.intake.referral;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import java.util.List;
import org.acse.common.events.Gender;
import org.acse.common.events.Urgency;

/** The body of {@code POST /api/v1/referrals} (SPEC §7). */
public record ReferralRequest(
        @NotNull Gender gender,
        @NotNull Integer age,
        List<@Valid Child> children,
        List<String> languages,
        @Valid Needs needs,
        @NotEmpty List<@Valid @NotNull DangerZone> dangerZones,
        @NotNull @Valid Location currentLocation,
        @NotNull Urgency urgency,
        Integer minDistanceKm) {

    public record Child(@NotNull Integer age) {
    }

    public record Needs(boolean wheelchairAccess, boolean psychologicalSupport, boolean medicalCare,
            boolean interpreter) {
    }

    public record DangerZone(String communeCode, String departmentCode, Double lat, Double lon, Double radiusKm) {
    }

    public record Location(@NotNull String communeCode) {
    }
}
