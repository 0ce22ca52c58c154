package org.acse.placement.shelter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.UUID;
import org.acse.placement.Fixtures;
import org.acse.placement.matching.ShelterProfile;
import org.acse.placement.matching.UnitProfile;
import org.acse.placement.matching.UnitStatus;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The periodic refresh of matching's snapshot: what another replica writes (here straight in the database, as the
 * runtime role, with none of this replica's after-commit updates) is in the snapshot after the next refresh, and a
 * refresh after no change reloads nothing.
 */
@QuarkusTest
class SnapshotRefreshTest {
    @Inject
    ShelterDirectory directory;

    @Inject
    Fixtures fixtures;

    @Inject
    MeterRegistry meters;

    @BeforeEach
    void cleanNetwork() {
        fixtures.reset();
    }

    @Test
    void aRefreshAfterNoChangeReloadsNothing() {
        Fixtures.shelter(Fixtures.LYON, 1);
        settled();
        double unchanged = refreshes("unchanged");

        assertThat(directory.refreshIfChanged()).isFalse();
        assertThat(directory.refreshIfChanged()).isFalse();
        assertThat(refreshes("unchanged")).isGreaterThanOrEqualTo(unchanged + 2);
    }

    @Test
    void anotherReplicasUnitStatusAndHoldsAreInTheNextRefresh() {
        JsonPath shelter = Fixtures.shelter(Fixtures.LYON, 1, 2);
        UUID shelterId = Fixtures.id(shelter);
        UUID closed = Fixtures.unit(shelter, 0);
        UUID held = Fixtures.unit(shelter, 1);
        settled();

        fixtures.execute("UPDATE unit SET status = 'OUT_OF_SERVICE' WHERE id = '" + closed + "'");
        assertThat(directory.refreshIfChanged()).isTrue();
        assertThat(unit(shelterId, closed).status()).isEqualTo(UnitStatus.OUT_OF_SERVICE);

        fixtures.execute("""
                INSERT INTO placement (id, shelter_id, unit_id, status, hold_expires_at, created_at)
                VALUES ('%s', '%s', '%s', 'HELD', now() + interval '1 hour', now())""".formatted(UUID.randomUUID(), shelterId, held));
        assertThat(directory.busyUnits()).doesNotContain(held);
        assertThat(directory.refreshIfChanged()).isTrue();
        assertThat(directory.busyUnits()).contains(held);

        fixtures.execute("UPDATE placement SET status = 'CANCELLED' WHERE unit_id = '" + held + "'");
        assertThat(directory.refreshIfChanged()).isTrue();
        assertThat(directory.busyUnits()).doesNotContain(held);

        assertThat(directory.refreshIfChanged()).isFalse();
    }

    @Test
    void anotherReplicasSheltersAndSchemesAreInTheNextRefresh() {
        UUID created = UUID.randomUUID();
        UUID unit = UUID.randomUUID();
        settled();

        fixtures.execute("""
                INSERT INTO shelter (id, code, name, commune_code, address_ciphertext, address_key_id, genders,
                                     families, max_children, wheelchair_accessible, support, languages, active,
                                     created_at, updated_at)
                VALUES ('%s', 'X-%s', 'Ailleurs', '%s', '\\x00', 'dev-2', '["FEMALE"]', false, 0, false, '[]',
                        '["fr"]', true, now(), now())""".formatted(created, created.toString().substring(0, 8), Fixtures.RENNES));
        fixtures.execute("""
                INSERT INTO unit (id, shelter_id, position, capacity, status, last_confirmed_at)
                VALUES ('%s', '%s', 0, 3, 'FREE', now())""".formatted(unit, created));
        assertThat(directory.profile(created)).isEmpty();
        assertThat(directory.refreshIfChanged()).isTrue();
        ShelterProfile profile = directory.profile(created).orElseThrow();
        assertThat(profile.active()).isTrue();
        assertThat(profile.units()).extracting(UnitProfile::id).containsExactly(unit);

        UUID scheme = UUID.randomUUID();
        String code = "S-" + scheme.toString().substring(0, 8);
        fixtures.execute("""
                INSERT INTO scheme (id, code, name, description, created_at, updated_at)
                VALUES ('%s', '%s', 'Ailleurs', '', now(), now())""".formatted(scheme, code));
        fixtures.execute("UPDATE shelter SET scheme_id = '" + scheme + "' WHERE id = '" + created + "'");
        assertThat(directory.refreshIfChanged()).isTrue();
        assertThat(directory.profile(created).orElseThrow().schemeCode()).isEqualTo(code);

        fixtures.execute("UPDATE shelter SET active = false WHERE id = '" + created + "'");
        assertThat(directory.refreshIfChanged()).isTrue();
        assertThat(directory.profile(created).orElseThrow().active()).isFalse();

        assertThat(directory.refreshIfChanged()).isFalse();
    }

    /** Earlier work (this replica's, the background jobs') has all been reloaded: the next refresh has nothing new. */
    private void settled() {
        await().atMost(Duration.ofSeconds(30)).until(() -> !directory.refreshIfChanged());
    }

    private UnitProfile unit(UUID shelterId, UUID unitId) {
        return directory.profile(shelterId).orElseThrow().units().stream()
                .filter(u -> u.id().equals(unitId))
                .findFirst()
                .orElseThrow();
    }

    private double refreshes(String outcome) {
        return meters.get("acse.placement.snapshot.refreshes")
                .tag("outcome", outcome)
                .counter()
                .count();
    }
}
