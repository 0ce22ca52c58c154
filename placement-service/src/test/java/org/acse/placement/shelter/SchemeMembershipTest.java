package org.acse.placement.shelter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.acse.placement.matching.UnitStatus;
import org.acse.platform.problem.ProblemException;
import org.junit.jupiter.api.Test;

/** A shelter belongs to at most one scheme; a scheme's figures count each place once. */
class SchemeMembershipTest {
    final UUID a = UUID.randomUUID();
    final UUID b = UUID.randomUUID();
    final UUID c = UUID.randomUUID();

    @Test
    void listedSheltersJoinAndTheOthersLeave() {
        Map<UUID, String> schemeOf = new HashMap<>();
        schemeOf.put(a, "DESTINY");
        schemeOf.put(c, null);
        SchemeMembership.Change change = SchemeMembership.plan("DESTINY", List.of(a, c), schemeOf, Set.of(a, b));
        assertThat(change.joining()).containsExactly(c);
        assertThat(change.leaving()).containsExactly(b);
        assertThat(change.changed()).containsExactlyInAnyOrder(b, c);
        assertThat(SchemeMembership.plan("DESTINY", List.of(), Map.of(), Set.of(a))
                        .leaving())
                .containsExactly(a);
    }

    @Test
    void aShelterOfAnotherSchemeIsAConflictNamingTheField() {
        Map<UUID, String> schemeOf = new HashMap<>();
        schemeOf.put(a, null);
        schemeOf.put(b, "OTHER");
        assertThatThrownBy(() -> SchemeMembership.plan("DESTINY", List.of(a, b), schemeOf, Set.of()))
                .isInstanceOfSatisfying(ProblemException.class, e -> {
                    assertThat(e.status()).isEqualTo(409);
                    assertThat(e.toProblem().errors()).singleElement().satisfies(f -> {
                        assertThat(f.field()).isEqualTo("shelterIds[1]");
                        assertThat(f.message()).contains("OTHER");
                    });
                });
    }

    @Test
    void unknownAndRepeatedSheltersAreNamed() {
        Map<UUID, String> schemeOf = new HashMap<>();
        schemeOf.put(a, null);
        assertThatThrownBy(() -> SchemeMembership.plan("DESTINY", List.of(a, a, c), schemeOf, Set.of()))
                .isInstanceOfSatisfying(ProblemException.class, e -> {
                    assertThat(e.status()).isEqualTo(400);
                    assertThat(e.toProblem().errors())
                            .extracting(f -> f.field())
                            .containsExactly("shelterIds[1]", "shelterIds[2]");
                });
    }

    @Test
    void occupancyCountsEachPlaceOnceByWhatIsHappeningToIt() {
        UUID scheme = UUID.randomUUID();
        SchemeView.Occupancy o = SchemeOccupancy.count(
                scheme,
                "DESTINY",
                2,
                List.of(
                        new SchemeOccupancy.UnitState(1, UnitStatus.FREE, false, false),
                        new SchemeOccupancy.UnitState(2, UnitStatus.FREE, true, false),
                        new SchemeOccupancy.UnitState(3, UnitStatus.FREE, false, true),
                        new SchemeOccupancy.UnitState(2, UnitStatus.OCCUPIED, false, false),
                        // Held while occupied and freeing at a declared time: held first.
                        new SchemeOccupancy.UnitState(1, UnitStatus.OCCUPIED, true, false),
                        new SchemeOccupancy.UnitState(4, UnitStatus.OUT_OF_SERVICE, false, false)));
        assertThat(o).isEqualTo(new SchemeView.Occupancy(scheme, "DESTINY", 2, 6, 13, 1, 3, 3, 2, 4));
        assertThat(o.free() + o.held() + o.given() + o.occupied() + o.outOfService())
                .isEqualTo(o.places());
    }
}
