package org.acse.intake.referral;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.acse.common.events.EventType;

/**
 * How placement events move a referral (Product §3, ADR 9): its status, the proposals still open (parallel offers may
 * hold several) and the placement that was accepted, with its shelter, whose staff may read the identity.
 * <ul>
 * <li>{@code proposed}: the proposal is open, status PROPOSED (not over an acceptance).</li>
 * <li>{@code declined}, {@code expired}, {@code cancelled} of an open proposal: it is no longer open; PROPOSED with
 * none left goes back to SEARCHING.</li>
 * <li>{@code accepted}: ACCEPTED, that placement and its shelter remembered.</li>
 * <li>{@code cancelled} (a back-out, a manual placement elsewhere) or {@code no-show} of the accepted placement: it is
 * forgotten, so that its shelter loses the identity at once; SEARCHING, or NO_SHOW for coordinators to decide.</li>
 * <li>{@code arrived}: ARRIVED, the placement and shelter of arrival remembered.</li>
 * <li>{@code searching}: SEARCHING from SUBMITTED, NO_MATCH, NO_SHOW; {@code no-match}: NO_MATCH from SUBMITTED,
 * SEARCHING, or PROPOSED with no proposal open.</li>
 * </ul>
 * A closed referral (arrived, withdrawn) never moves again; an event about a placement the referral does not track
 * in that role changes nothing.
 */
public final class StatusRules {
    private static final Set<ReferralStatus> SEARCHABLE =
            EnumSet.of(ReferralStatus.SUBMITTED, ReferralStatus.NO_MATCH, ReferralStatus.NO_SHOW);
    private static final Set<ReferralStatus> PROPOSABLE = EnumSet.of(
            ReferralStatus.SUBMITTED,
            ReferralStatus.SEARCHING,
            ReferralStatus.NO_MATCH,
            ReferralStatus.NO_SHOW,
            ReferralStatus.PROPOSED);
    private static final Set<ReferralStatus> UNMATCHABLE =
            EnumSet.of(ReferralStatus.SUBMITTED, ReferralStatus.SEARCHING);

    /**
     * Where a referral stands as far as placement is concerned.
     *
     * @param openPlacements proposals made and not yet answered (accepted, declined, expired or cancelled)
     * @param acceptedPlacementId the placement accepted, or arrived at; null when there is none (any more)
     * @param acceptedShelterId the shelter of that placement; never shown to a partner
     */
    public record State(
            ReferralStatus status, Set<UUID> openPlacements, UUID acceptedPlacementId, UUID acceptedShelterId) {
        public State {
            openPlacements = Collections.unmodifiableSet(new LinkedHashSet<>(openPlacements));
        }

        public static State of(ReferralStatus status) {
            return new State(status, Set.of(), null, null);
        }

        private State with(ReferralStatus next) {
            return new State(next, openPlacements, acceptedPlacementId, acceptedShelterId);
        }

        private State withoutOpen(UUID placementId) {
            Set<UUID> open = new LinkedHashSet<>(openPlacements);
            open.remove(placementId);
            return new State(status, open, acceptedPlacementId, acceptedShelterId);
        }

        private State withOpen(UUID placementId) {
            Set<UUID> open = new LinkedHashSet<>(openPlacements);
            open.add(placementId);
            return new State(status, open, acceptedPlacementId, acceptedShelterId);
        }

        private State withAccepted(UUID placementId, UUID shelterId) {
            return new State(status, openPlacements, placementId, shelterId);
        }
    }

    /**
     * @param placementId the placement the event is about; null for {@code searching} and {@code no-match}
     * @param shelterId the shelter of that placement (for {@code arrived}, the shelter of arrival)
     * @return where the referral stands after the event, or empty when the event must change nothing
     */
    public static Optional<State> next(State now, EventType event, UUID placementId, UUID shelterId) {
        if (now.status().isClosed()) {
            return Optional.empty();
        }
        boolean open = placementId != null && now.openPlacements().contains(placementId);
        boolean accepted = placementId != null && placementId.equals(now.acceptedPlacementId());
        State next = switch (event) {
            case PLACEMENT_SEARCHING -> SEARCHABLE.contains(now.status()) ? now.with(ReferralStatus.SEARCHING) : null;
            case PLACEMENT_NO_MATCH ->
                UNMATCHABLE.contains(now.status())
                                || now.status() == ReferralStatus.PROPOSED
                                        && now.openPlacements().isEmpty()
                        ? now.with(ReferralStatus.NO_MATCH)
                        : null;
            case PLACEMENT_PROPOSED ->
                PROPOSABLE.contains(now.status()) && !accepted && !(open && now.status() == ReferralStatus.PROPOSED)
                        ? now.withOpen(placementId).with(ReferralStatus.PROPOSED)
                        : null;
            case PLACEMENT_ACCEPTED ->
                accepted && now.status() == ReferralStatus.ACCEPTED
                        ? null
                        : now.withoutOpen(placementId)
                                .withAccepted(placementId, shelterId)
                                .with(ReferralStatus.ACCEPTED);
            case PLACEMENT_DECLINED, PLACEMENT_EXPIRED -> open ? answered(now, placementId) : null;
            case PLACEMENT_CANCELLED ->
                accepted
                        ? now.withAccepted(null, null).with(ReferralStatus.SEARCHING)
                        : open ? answered(now, placementId) : null;
            case PLACEMENT_NO_SHOW -> accepted ? now.withAccepted(null, null).with(ReferralStatus.NO_SHOW) : null;
            case PLACEMENT_ARRIVED ->
                now.withoutOpen(placementId)
                        .withAccepted(placementId, shelterId)
                        .with(ReferralStatus.ARRIVED);
            default -> null; // not a placement event
        };
        return Optional.ofNullable(next);
    }

    /** An open proposal was answered without an acceptance: PROPOSED with nothing left open searches again. */
    private static State answered(State now, UUID placementId) {
        State next = now.withoutOpen(placementId);
        return next.status() == ReferralStatus.PROPOSED && next.openPlacements().isEmpty()
                ? next.with(ReferralStatus.SEARCHING)
                : next;
    }

    /**
     * An event older than the last one applied must not move the referral. Events of one transaction share their
     * time, so an equal time is not stale.
     */
    public static boolean isStale(Instant eventTime, Instant lastApplied) {
        return lastApplied != null && storedPrecision(eventTime).isBefore(storedPrecision(lastApplied));
    }

    /**
     * PostgreSQL keeps microseconds and rounds to the nearest: compare and store event times the same way, or an
     * event stamped {@code .060391682} looks older than the {@code .060392} stored for its sibling.
     */
    public static Instant storedPrecision(Instant time) {
        return time.plusNanos(500).truncatedTo(ChronoUnit.MICROS);
    }

    private StatusRules() {}
}
