package org.acse.placement.decision;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;

/**
 * What a shelter gives on acceptance for the journey: when it expects the person and where the team meets them.
 * Both optional; never the shelter's address.
 */
public record Arrangement(@Valid ExpectedArrival expectedArrival, @Valid MeetingPoint meetingPoint) {

    public record ExpectedArrival(@NotNull Instant from, @NotNull Instant until) {
    }

    /** A public place and a time, e.g. a station hall at 14:00; encrypted at rest. */
    public record MeetingPoint(@NotBlank @Size(max = 300) String place, @NotNull Instant at) {
    }

    /** What the referring organisation and coordinators read; {@code meetingPoint} null until the shelter gives it. */
    public record View(PlacementStatus status, ExpectedArrival expectedArrival, MeetingPoint meetingPoint) {
    }
}
