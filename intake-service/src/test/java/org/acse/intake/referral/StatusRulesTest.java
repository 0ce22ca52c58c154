package org.acse.intake.referral;

import static org.acse.common.events.EventType.PLACEMENT_ACCEPTED;
import static org.acse.common.events.EventType.PLACEMENT_CANCELLED;
import static org.acse.common.events.EventType.PLACEMENT_PROPOSED;
import static org.acse.intake.referral.ReferralStatus.ACCEPTED;
import static org.acse.intake.referral.ReferralStatus.ARRIVED;
import static org.acse.intake.referral.ReferralStatus.NO_MATCH;
import static org.acse.intake.referral.ReferralStatus.NO_SHOW;
import static org.acse.intake.referral.ReferralStatus.PROPOSED;
import static org.acse.intake.referral.ReferralStatus.SEARCHING;
import static org.acse.intake.referral.ReferralStatus.SUBMITTED;
import static org.acse.intake.referral.ReferralStatus.WITHDRAWN;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;
import org.acse.common.events.EventType;
import org.acse.common.events.Topics;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every cell of status × placement event × how the event's placement relates to what the referral tracks. A cell
 * gives the status after the event, or {@code -} when the event must change nothing at all (not even what is
 * tracked). What is tracked after a change is checked for every cell too (see {@link #trackedAfter}).
 */
class StatusRulesTest {
    private static final UUID P = UUID.fromString("00000000-0000-0000-0000-00000000000a");
    private static final UUID Q = UUID.fromString("00000000-0000-0000-0000-00000000000b");
    private static final UUID SHELTER_OF_P = UUID.fromString("00000000-0000-0000-0000-0000000000f1");
    private static final UUID SHELTER_BEFORE = UUID.fromString("00000000-0000-0000-0000-0000000000f2");

    /** How the event's placement P relates to the referral; for events that name no placement, what is open. */
    enum Relation {
        /** The event names no placement; nothing is open. */
        NONE(Set.of(), null),
        /** The event names no placement; a proposal Q is open. */
        NONE_WHILE_OPEN(Set.of(Q), null),
        /** P is the only open proposal. */
        LAST_OPEN(Set.of(P), null),
        /** P is open, and so is Q. */
        ONE_OF_OPEN(Set.of(P, Q), null),
        /** P is the accepted placement. */
        ACCEPTED(Set.of(), P),
        /** The referral tracks nothing about P (nor anything else). */
        UNKNOWN(Set.of(), null);

        final Set<UUID> open;
        final UUID accepted;

        Relation(Set<UUID> open, UUID accepted) {
            this.open = open;
            this.accepted = accepted;
        }

        StatusRules.State state(ReferralStatus status) {
            return new StatusRules.State(status, open, accepted, accepted == null ? null : SHELTER_BEFORE);
        }
    }

    private static final List<Relation> WITH_PLACEMENT =
            List.of(Relation.LAST_OPEN, Relation.ONE_OF_OPEN, Relation.ACCEPTED, Relation.UNKNOWN);
    private static final List<Relation> WITHOUT_PLACEMENT = List.of(Relation.NONE, Relation.NONE_WHILE_OPEN);

    // status     event                 NONE        NONE_WHILE_OPEN
    private static final String WITHOUT_PLACEMENT_TABLE = """
            SUBMITTED  PLACEMENT_SEARCHING  SEARCHING   SEARCHING
            SEARCHING  PLACEMENT_SEARCHING  -           -
            PROPOSED   PLACEMENT_SEARCHING  -           -
            ACCEPTED   PLACEMENT_SEARCHING  -           -
            ARRIVED    PLACEMENT_SEARCHING  -           -
            NO_MATCH   PLACEMENT_SEARCHING  SEARCHING   SEARCHING
            NO_SHOW    PLACEMENT_SEARCHING  SEARCHING   SEARCHING
            WITHDRAWN  PLACEMENT_SEARCHING  -           -
            SUBMITTED  PLACEMENT_NO_MATCH   NO_MATCH    NO_MATCH
            SEARCHING  PLACEMENT_NO_MATCH   NO_MATCH    NO_MATCH
            PROPOSED   PLACEMENT_NO_MATCH   NO_MATCH    -
            ACCEPTED   PLACEMENT_NO_MATCH   -           -
            ARRIVED    PLACEMENT_NO_MATCH   -           -
            NO_MATCH   PLACEMENT_NO_MATCH   -           -
            NO_SHOW    PLACEMENT_NO_MATCH   -           -
            WITHDRAWN  PLACEMENT_NO_MATCH   -           -
            """;

    // status     event                LAST_OPEN   ONE_OF_OPEN  ACCEPTED    UNKNOWN
    private static final String WITH_PLACEMENT_TABLE = """
            SUBMITTED  PLACEMENT_PROPOSED  PROPOSED    PROPOSED     -           PROPOSED
            SEARCHING  PLACEMENT_PROPOSED  PROPOSED    PROPOSED     -           PROPOSED
            PROPOSED   PLACEMENT_PROPOSED  -           -            -           PROPOSED
            ACCEPTED   PLACEMENT_PROPOSED  -           -            -           -
            ARRIVED    PLACEMENT_PROPOSED  -           -            -           -
            NO_MATCH   PLACEMENT_PROPOSED  PROPOSED    PROPOSED     -           PROPOSED
            NO_SHOW    PLACEMENT_PROPOSED  PROPOSED    PROPOSED     -           PROPOSED
            WITHDRAWN  PLACEMENT_PROPOSED  -           -            -           -

            SUBMITTED  PLACEMENT_ACCEPTED  ACCEPTED    ACCEPTED     ACCEPTED    ACCEPTED
            SEARCHING  PLACEMENT_ACCEPTED  ACCEPTED    ACCEPTED     ACCEPTED    ACCEPTED
            PROPOSED   PLACEMENT_ACCEPTED  ACCEPTED    ACCEPTED     ACCEPTED    ACCEPTED
            ACCEPTED   PLACEMENT_ACCEPTED  ACCEPTED    ACCEPTED     -           ACCEPTED
            ARRIVED    PLACEMENT_ACCEPTED  -           -            -           -
            NO_MATCH   PLACEMENT_ACCEPTED  ACCEPTED    ACCEPTED     ACCEPTED    ACCEPTED
            NO_SHOW    PLACEMENT_ACCEPTED  ACCEPTED    ACCEPTED     ACCEPTED    ACCEPTED
            WITHDRAWN  PLACEMENT_ACCEPTED  -           -            -           -

            SUBMITTED  PLACEMENT_DECLINED  SUBMITTED   SUBMITTED    -           -
            SEARCHING  PLACEMENT_DECLINED  SEARCHING   SEARCHING    -           -
            PROPOSED   PLACEMENT_DECLINED  SEARCHING   PROPOSED     -           -
            ACCEPTED   PLACEMENT_DECLINED  ACCEPTED    ACCEPTED     -           -
            ARRIVED    PLACEMENT_DECLINED  -           -            -           -
            NO_MATCH   PLACEMENT_DECLINED  NO_MATCH    NO_MATCH     -           -
            NO_SHOW    PLACEMENT_DECLINED  NO_SHOW     NO_SHOW      -           -
            WITHDRAWN  PLACEMENT_DECLINED  -           -            -           -

            SUBMITTED  PLACEMENT_EXPIRED   SUBMITTED   SUBMITTED    -           -
            SEARCHING  PLACEMENT_EXPIRED   SEARCHING   SEARCHING    -           -
            PROPOSED   PLACEMENT_EXPIRED   SEARCHING   PROPOSED     -           -
            ACCEPTED   PLACEMENT_EXPIRED   ACCEPTED    ACCEPTED     -           -
            ARRIVED    PLACEMENT_EXPIRED   -           -            -           -
            NO_MATCH   PLACEMENT_EXPIRED   NO_MATCH    NO_MATCH     -           -
            NO_SHOW    PLACEMENT_EXPIRED   NO_SHOW     NO_SHOW      -           -
            WITHDRAWN  PLACEMENT_EXPIRED   -           -            -           -

            SUBMITTED  PLACEMENT_CANCELLED SUBMITTED   SUBMITTED    SEARCHING   -
            SEARCHING  PLACEMENT_CANCELLED SEARCHING   SEARCHING    SEARCHING   -
            PROPOSED   PLACEMENT_CANCELLED SEARCHING   PROPOSED     SEARCHING   -
            ACCEPTED   PLACEMENT_CANCELLED ACCEPTED    ACCEPTED     SEARCHING   -
            ARRIVED    PLACEMENT_CANCELLED -           -            -           -
            NO_MATCH   PLACEMENT_CANCELLED NO_MATCH    NO_MATCH     SEARCHING   -
            NO_SHOW    PLACEMENT_CANCELLED NO_SHOW     NO_SHOW      SEARCHING   -
            WITHDRAWN  PLACEMENT_CANCELLED -           -            -           -

            SUBMITTED  PLACEMENT_NO_SHOW   -           -            NO_SHOW     -
            SEARCHING  PLACEMENT_NO_SHOW   -           -            NO_SHOW     -
            PROPOSED   PLACEMENT_NO_SHOW   -           -            NO_SHOW     -
            ACCEPTED   PLACEMENT_NO_SHOW   -           -            NO_SHOW     -
            ARRIVED    PLACEMENT_NO_SHOW   -           -            -           -
            NO_MATCH   PLACEMENT_NO_SHOW   -           -            NO_SHOW     -
            NO_SHOW    PLACEMENT_NO_SHOW   -           -            NO_SHOW     -
            WITHDRAWN  PLACEMENT_NO_SHOW   -           -            -           -

            SUBMITTED  PLACEMENT_ARRIVED   ARRIVED     ARRIVED      ARRIVED     ARRIVED
            SEARCHING  PLACEMENT_ARRIVED   ARRIVED     ARRIVED      ARRIVED     ARRIVED
            PROPOSED   PLACEMENT_ARRIVED   ARRIVED     ARRIVED      ARRIVED     ARRIVED
            ACCEPTED   PLACEMENT_ARRIVED   ARRIVED     ARRIVED      ARRIVED     ARRIVED
            ARRIVED    PLACEMENT_ARRIVED   -           -            -           -
            NO_MATCH   PLACEMENT_ARRIVED   ARRIVED     ARRIVED      ARRIVED     ARRIVED
            NO_SHOW    PLACEMENT_ARRIVED   ARRIVED     ARRIVED      ARRIVED     ARRIVED
            WITHDRAWN  PLACEMENT_ARRIVED   -           -            -           -
            """;

    static Stream<Arguments> cells() {
        List<Arguments> cells = new ArrayList<>();
        read(WITHOUT_PLACEMENT_TABLE, WITHOUT_PLACEMENT, cells);
        read(WITH_PLACEMENT_TABLE, WITH_PLACEMENT, cells);
        return cells.stream();
    }

    private static void read(String table, List<Relation> columns, List<Arguments> cells) {
        for (String line : table.strip().split("\n")) {
            if (line.isBlank()) {
                continue;
            }
            String[] cell = line.strip().split("\\s+");
            assertThat(cell).as(line).hasSize(2 + columns.size());
            for (int i = 0; i < columns.size(); i++) {
                String expected = cell[2 + i];
                cells.add(Arguments.of(
                        ReferralStatus.valueOf(cell[0]),
                        EventType.valueOf(cell[1]),
                        columns.get(i),
                        expected.equals("-") ? null : ReferralStatus.valueOf(expected)));
            }
        }
    }

    @Test
    void theTablesHaveEveryCell() {
        Set<EventType> placementEvents = EnumSet.of(
                EventType.PLACEMENT_SEARCHING,
                EventType.PLACEMENT_NO_MATCH,
                PLACEMENT_PROPOSED,
                PLACEMENT_ACCEPTED,
                EventType.PLACEMENT_DECLINED,
                EventType.PLACEMENT_EXPIRED,
                PLACEMENT_CANCELLED,
                EventType.PLACEMENT_NO_SHOW,
                EventType.PLACEMENT_ARRIVED);
        assertThat(placementEvents)
                .containsExactlyInAnyOrderElementsOf(EnumSet.allOf(EventType.class).stream()
                        .filter(t -> t.topic().equals(Topics.PLACEMENTS))
                        .toList());
        Set<String> seen = new LinkedHashSet<>();
        cells().forEach(a -> seen.add(a.get()[0] + " " + a.get()[1] + " " + a.get()[2]));
        assertThat(seen)
                .hasSize(ReferralStatus.values().length
                        * (2 * WITHOUT_PLACEMENT.size() + (placementEvents.size() - 2) * WITH_PLACEMENT.size()));
    }

    @ParameterizedTest(name = "{0} + {1} ({2}) → {3}")
    @MethodSource("cells")
    void cell(ReferralStatus status, EventType event, Relation relation, ReferralStatus expected) {
        StatusRules.State before = relation.state(status);
        boolean named = WITH_PLACEMENT.contains(relation);
        Optional<StatusRules.State> after =
                StatusRules.next(before, event, named ? P : null, named ? SHELTER_OF_P : null);
        if (expected == null) {
            assertThat(after).isEmpty();
            return;
        }
        assertThat(after).isPresent();
        assertThat(after.get().status()).isEqualTo(expected);
        assertThat(after.get()).isEqualTo(trackedAfter(before, event, relation).withStatus(expected));
    }

    /** What the referral tracks after an event that changes something: the rule for each event, whatever the status. */
    private static Tracked trackedAfter(StatusRules.State before, EventType event, Relation relation) {
        Set<UUID> open = new LinkedHashSet<>(before.openPlacements());
        UUID accepted = before.acceptedPlacementId();
        UUID shelter = before.acceptedShelterId();
        switch (event) {
            case PLACEMENT_PROPOSED -> open.add(P);
            case PLACEMENT_ACCEPTED, PLACEMENT_ARRIVED -> {
                open.remove(P);
                accepted = P;
                shelter = SHELTER_OF_P;
            }
            case PLACEMENT_DECLINED, PLACEMENT_EXPIRED -> open.remove(P);
            case PLACEMENT_CANCELLED -> {
                open.remove(P);
                if (relation == Relation.ACCEPTED) {
                    accepted = null;
                    shelter = null;
                }
            }
            case PLACEMENT_NO_SHOW -> {
                accepted = null;
                shelter = null;
            }
            default -> {}
        }
        return new Tracked(open, accepted, shelter);
    }

    private record Tracked(Set<UUID> open, UUID accepted, UUID shelter) {
        StatusRules.State withStatus(ReferralStatus status) {
            return new StatusRules.State(status, open, accepted, shelter);
        }
    }

    @Test
    void parallelOffersAnAcceptanceWinsAndTheOthersCancelledLeaveItAccepted() {
        UUID shelterA = UUID.randomUUID();
        UUID shelterB = UUID.randomUUID();
        StatusRules.State s = StatusRules.State.of(SEARCHING);
        s = StatusRules.next(s, PLACEMENT_PROPOSED, P, shelterA).orElseThrow();
        s = StatusRules.next(s, PLACEMENT_PROPOSED, Q, shelterB).orElseThrow();
        assertThat(s.openPlacements()).containsExactly(P, Q);
        s = StatusRules.next(s, PLACEMENT_ACCEPTED, Q, shelterB).orElseThrow();
        assertThat(s).isEqualTo(new StatusRules.State(ACCEPTED, Set.of(P), Q, shelterB));
        s = StatusRules.next(s, PLACEMENT_CANCELLED, P, shelterA).orElseThrow(); // OFFER_TAKEN
        assertThat(s).isEqualTo(new StatusRules.State(ACCEPTED, Set.of(), Q, shelterB));
    }

    @Test
    void anotherAcceptanceTakesThePlaceOfTheOneBefore() {
        UUID shelterA = UUID.randomUUID();
        UUID shelterB = UUID.randomUUID();
        StatusRules.State s = new StatusRules.State(ACCEPTED, Set.of(), P, shelterA);
        assertThat(StatusRules.next(s, PLACEMENT_ACCEPTED, Q, shelterB))
                .contains(new StatusRules.State(ACCEPTED, Set.of(), Q, shelterB));
    }

    @Test
    void aClosedReferralNeverMoves() {
        for (ReferralStatus closed : new ReferralStatus[] {ARRIVED, WITHDRAWN}) {
            for (EventType event : EventType.values()) {
                for (Relation relation : Relation.values()) {
                    assertThat(StatusRules.next(relation.state(closed), event, P, SHELTER_OF_P))
                            .as(closed + " + " + event + " " + relation)
                            .isEmpty();
                }
            }
        }
        assertThat(List.of(SUBMITTED, SEARCHING, PROPOSED, ACCEPTED, NO_MATCH, NO_SHOW))
                .noneMatch(ReferralStatus::isClosed);
    }

    @Test
    void eventsOfOneTransactionAreNotStaleOnceTheirTimeWasStoredByPostgres() {
        Instant searching = Instant.parse("2026-11-29T08:09:13.060391682Z");
        Instant storedByPostgres = Instant.parse("2026-11-29T08:09:13.060392Z");
        assertThat(StatusRules.isStale(searching, storedByPostgres)).isFalse();
        assertThat(StatusRules.isStale(searching.minusMillis(1), storedByPostgres))
                .isTrue();
        assertThat(StatusRules.isStale(searching, null)).isFalse();
    }
}
