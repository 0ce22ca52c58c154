package org.acse.intake.referral;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import org.acse.common.events.EventType;

/**
 * How placement events move a referral (product §3). A closed referral (arrived, withdrawn) never moves again; an
 * accepted one only moves to arrived; a decline or expiry counts only for the placement currently proposed.
 */
public final class StatusRules {
    private static final Set<ReferralStatus> SEARCHABLE = EnumSet.of(ReferralStatus.SUBMITTED, ReferralStatus.NO_MATCH);
    private static final Set<ReferralStatus> PROPOSABLE = EnumSet.of(ReferralStatus.SUBMITTED, ReferralStatus.SEARCHING,
            ReferralStatus.NO_MATCH, ReferralStatus.PROPOSED);
    private static final Set<ReferralStatus> UNMATCHABLE = EnumSet.of(ReferralStatus.SUBMITTED,
            ReferralStatus.SEARCHING);

    /**
     * @param concernsCurrentPlacement whether the event is about the placement the referral is now proposed for
     * @return the status the referral moves to, or empty when the event must not move it
     */
    public static Optional<ReferralStatus> next(ReferralStatus current, EventType event,
            boolean concernsCurrentPlacement) {
        if (current.isClosed()) {
            return Optional.empty();
        }
        ReferralStatus next = switch (event) {
            case PLACEMENT_SEARCHING -> SEARCHABLE.contains(current) ? ReferralStatus.SEARCHING : null;
            case PLACEMENT_PROPOSED -> PROPOSABLE.contains(current) ? ReferralStatus.PROPOSED : null;
            case PLACEMENT_ACCEPTED -> current != ReferralStatus.ACCEPTED ? ReferralStatus.ACCEPTED : null;
            case PLACEMENT_DECLINED, PLACEMENT_EXPIRED ->
                    current == ReferralStatus.PROPOSED && concernsCurrentPlacement ? ReferralStatus.SEARCHING : null;
            case PLACEMENT_ARRIVED -> ReferralStatus.ARRIVED;
            case PLACEMENT_NO_MATCH -> UNMATCHABLE.contains(current) ? ReferralStatus.NO_MATCH : null;
            // A cancelled hold follows a withdrawal (already closed) or a coordinator's manual move, which the
            // next proposal or acceptance reports: on its own it changes nothing a partner sees.
            default -> null;
        };
        return Optional.ofNullable(next);
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

    private StatusRules() {
    }
}
