package org.acse.intake.referral;

import static org.acse.common.events.EventType.PLACEMENT_ACCEPTED;
import static org.acse.common.events.EventType.PLACEMENT_ARRIVED;
import static org.acse.common.events.EventType.PLACEMENT_CANCELLED;
import static org.acse.common.events.EventType.PLACEMENT_DECLINED;
import static org.acse.common.events.EventType.PLACEMENT_EXPIRED;
import static org.acse.common.events.EventType.PLACEMENT_NO_MATCH;
import static org.acse.common.events.EventType.PLACEMENT_PROPOSED;
import static org.acse.common.events.EventType.PLACEMENT_SEARCHING;
import static org.acse.intake.referral.ReferralStatus.ACCEPTED;
import static org.acse.intake.referral.ReferralStatus.ARRIVED;
import static org.acse.intake.referral.ReferralStatus.NO_MATCH;
import static org.acse.intake.referral.ReferralStatus.PROPOSED;
import static org.acse.intake.referral.ReferralStatus.SEARCHING;
import static org.acse.intake.referral.ReferralStatus.SUBMITTED;
import static org.acse.intake.referral.ReferralStatus.WITHDRAWN;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Optional;
import org.acse.common.events.EventType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class StatusRulesTest {

    @ParameterizedTest(name = "{0} + {1} (current placement: {2}) → {3}")
    @CsvSource({
            "SUBMITTED, PLACEMENT_SEARCHING, false, SEARCHING",
            "NO_MATCH, PLACEMENT_SEARCHING, false, SEARCHING",
            "PROPOSED, PLACEMENT_SEARCHING, false, ",
            "SEARCHING, PLACEMENT_PROPOSED, false, PROPOSED",
            "SUBMITTED, PLACEMENT_PROPOSED, false, PROPOSED",
            "ACCEPTED, PLACEMENT_PROPOSED, false, ",
            "PROPOSED, PLACEMENT_ACCEPTED, true, ACCEPTED",
            "PROPOSED, PLACEMENT_DECLINED, true, SEARCHING",
            "PROPOSED, PLACEMENT_EXPIRED, true, SEARCHING",
            "PROPOSED, PLACEMENT_DECLINED, false, ",
            "ACCEPTED, PLACEMENT_DECLINED, true, ",
            "ACCEPTED, PLACEMENT_ARRIVED, true, ARRIVED",
            "SEARCHING, PLACEMENT_NO_MATCH, false, NO_MATCH",
            "PROPOSED, PLACEMENT_NO_MATCH, false, ",
            "ACCEPTED, PLACEMENT_NO_MATCH, false, ",
            "PROPOSED, PLACEMENT_CANCELLED, true, ",
            "ACCEPTED, PLACEMENT_CANCELLED, true, "})
    void transitions(ReferralStatus current, EventType event, boolean currentPlacement, ReferralStatus expected) {
        assertThat(StatusRules.next(current, event, currentPlacement)).isEqualTo(Optional.ofNullable(expected));
    }

    @Test
    void aClosedReferralNeverMoves() {
        for (ReferralStatus closed : new ReferralStatus[] {ARRIVED, WITHDRAWN}) {
            for (EventType event : new EventType[] {PLACEMENT_SEARCHING, PLACEMENT_PROPOSED, PLACEMENT_ACCEPTED,
                    PLACEMENT_DECLINED, PLACEMENT_EXPIRED, PLACEMENT_CANCELLED, PLACEMENT_ARRIVED,
                    PLACEMENT_NO_MATCH}) {
                assertThat(StatusRules.next(closed, event, true)).as(closed + " + " + event).isEmpty();
            }
        }
        assertThat(java.util.List.of(SUBMITTED, SEARCHING, PROPOSED, ACCEPTED, NO_MATCH))
                .noneMatch(ReferralStatus::isClosed);
    }

    @Test
    void eventsOfOneTransactionAreNotStaleOnceTheirTimeWasStoredByPostgres() {
        Instant searching = Instant.parse("2026-11-29T08:09:13.060391682Z");
        Instant storedByPostgres = Instant.parse("2026-11-29T08:09:13.060392Z");
        assertThat(StatusRules.isStale(searching, storedByPostgres)).isFalse();
        assertThat(StatusRules.isStale(searching.minusMillis(1), storedByPostgres)).isTrue();
        assertThat(StatusRules.isStale(searching, null)).isFalse();
    }
}
