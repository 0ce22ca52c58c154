package org.acse.placement.decision;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * What a shelter gives on acceptance for the journey: when it expects the person and where the team meets them.
 * Both optional; never the shelter's address.
 */
public record Arrangement(
        @Valid ExpectedArrival expectedArrival, @Valid MeetingPoint meetingPoint) {

    public record ExpectedArrival(
            @NotNull @Schema(examples = "2026-12-02T10:00:00Z")
            Instant from,

            @NotNull @Schema(examples = "2026-12-02T18:00:00Z")
            Instant until) {}

    /** A public place and a time, e.g. a station hall at 14:00; encrypted at rest. */
    public record MeetingPoint(
            @NotBlank @Size(max = 300) @Schema(examples = "Gare Part-Dieu, hall 1, devant l'accueil")
            String place,

            @NotNull @Schema(examples = "2026-12-02T14:00:00Z")
            Instant at) {}

    /** What the referring organisation and coordinators read; {@code meetingPoint} null until the shelter gives it. */
    public record View(PlacementStatus status, ExpectedArrival expectedArrival, MeetingPoint meetingPoint) {}
}
