package org.acse.placement.matching;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import org.acse.common.events.DangerZone;
import org.acse.common.events.Gender;
import org.acse.common.events.Household;
import org.acse.common.events.Needs;
import org.acse.common.events.Urgency;
import org.acse.common.geo.Commune;
import org.acse.common.geo.Gazetteer;
import org.junit.jupiter.api.Test;

/**
 * The indexed search ({@link MatchingEngine#candidates}) must find exactly what the constraint-by-constraint
 * explanation finds, on random networks and referrals that exercise every hard constraint, and its pruning must never
 * change the first places.
 */
class ShelterIndexTest {
    static final Instant NOW = Instant.parse("2026-03-02T08:00:00.123456789Z");
    static final Gazetteer FRANCE = Gazetteer.france();
    static final DangerZones ZONES = new DangerZones(FRANCE);
    final MatchingEngine engine = new MatchingEngine(MatchingRules.defaults());
    /** Shelters in no scheme, or in one of two; referrals asking for none, one of those, or one nobody is in. */
    static final String[] SCHEMES = {null, null, "DESTINY", "OTHER"};

    static final String[] PREFERENCES = {null, "DESTINY", "OTHER", "UNKNOWN"};

    @Test
    void theIndexedSearchFindsWhatTheExplanationFinds() {
        theIndexedSearchFindsWhatTheExplanationFinds(engine, 7, 30);
    }

    @Test
    void whateverTheWeights() {
        // Occupancy dominant, and a weight below zero: the pruning bound must hold for any weights.
        MatchingRules defaults = MatchingRules.defaults();
        theIndexedSearchFindsWhatTheExplanationFinds(
                new MatchingEngine(new MatchingRules(
                        new MatchingRules.Weights(1, 0, 0.5, 1, 6),
                        defaults.delays(),
                        200,
                        1200,
                        Duration.ofHours(24))),
                8,
                8);
        theIndexedSearchFindsWhatTheExplanationFinds(
                new MatchingEngine(new MatchingRules(
                        new MatchingRules.Weights(-1, 1, 1, 2, -2),
                        defaults.delays(),
                        200,
                        1200,
                        Duration.ofHours(24))),
                9,
                8);
        // A preferred scheme that outweighs everything else.
        theIndexedSearchFindsWhatTheExplanationFinds(
                new MatchingEngine(new MatchingRules(
                        new MatchingRules.Weights(1, 0, 0.5, 1, 1, 20),
                        defaults.delays(),
                        200,
                        1200,
                        Duration.ofHours(24))),
                10,
                8);
    }

    void theIndexedSearchFindsWhatTheExplanationFinds(MatchingEngine engine, long seed, int rounds) {
        Random random = new Random(seed);
        List<Commune> communes = new ArrayList<>(FRANCE.communes());
        communes.sort((a, b) -> a.code().compareTo(b.code()));
        int eligible = 0;
        for (int round = 0; round < rounds; round++) {
            List<ShelterProfile> network = network(300, communes, random);
            ShelterIndex index = ShelterIndex.of(network);
            Set<UUID> busy = new HashSet<>();
            Set<UUID> refused = new HashSet<>();
            for (ShelterProfile s : network) {
                for (UnitProfile u : s.units()) {
                    if (random.nextInt(6) == 0) {
                        busy.add(u.id());
                    }
                }
                if (random.nextInt(10) == 0) {
                    refused.add(s.id());
                }
            }
            busy.add(UUID.randomUUID()); // a unit the index does not know (removed meanwhile)
            refused.add(UUID.randomUUID());
            MatchContext context = new MatchContext(NOW, busy, refused);
            for (int r = 0; r < 20; r++) {
                MatchRequest request = request(communes, random);
                List<Evaluation> explained = engine.explain(request, context, index);
                Map<UUID, Candidate> bestByShelter = new HashMap<>();
                for (Evaluation e : explained) {
                    if (e.eligible()) {
                        bestByShelter.put(e.shelterId(), e.best());
                    }
                }
                List<Candidate> all = engine.candidates(request, context, index, 100_000);
                Map<UUID, Candidate> bestFound = new HashMap<>();
                for (Candidate c : all) {
                    bestFound.putIfAbsent(c.shelterId(), c);
                    assertThat(busy).doesNotContain(c.unitId());
                    assertThat(refused).doesNotContain(c.shelterId());
                }
                assertThat(bestFound).isEqualTo(bestByShelter);
                eligible += bestFound.size();
                for (int limit : new int[] {1, 5, 32}) {
                    assertThat(engine.candidates(request, context, index, limit))
                            .isEqualTo(all.subList(0, Math.min(limit, all.size())));
                }
                // The order of the network never changes the answer.
                List<ShelterProfile> shuffled = new ArrayList<>(network);
                Collections.shuffle(shuffled, random);
                assertThat(engine.candidates(request, context, ShelterIndex.of(shuffled), 32))
                        .isEqualTo(all.subList(0, Math.min(32, all.size())));
            }
        }
        assertThat(eligible).as("eligible shelters over all searches").isGreaterThan(rounds * 30);
    }

    @Test
    void identicalSheltersTieAndThePruningKeepsTheTieBreakers() {
        // As in the service benchmark: many shelters alike at a few communes, so that most places tie on the score.
        Random random = new Random(11);
        List<ShelterProfile> network = new ArrayList<>();
        String[] communes = {"69123", "75056", "35238"};
        for (int s = 0; s < 600; s++) {
            Commune c = FRANCE.requireCommune(communes[s % communes.length]);
            List<UnitProfile> units = new ArrayList<>();
            for (int u = 0; u < 4; u++) {
                units.add(new UnitProfile(UUID.randomUUID(), 2 + 2 * random.nextInt(2), UnitStatus.FREE, null, NOW));
            }
            network.add(new ShelterProfile(
                    UUID.randomUUID(),
                    "T" + s,
                    true,
                    c.centre(),
                    c.departmentCode(),
                    Set.of(Gender.values()),
                    true,
                    3,
                    null,
                    null,
                    true,
                    Set.of(Support.values()),
                    Set.of("fr"),
                    units));
        }
        MatchRequest request = new MatchRequest(
                UUID.randomUUID(),
                new Household(Gender.FEMALE, 30, List.of()),
                Needs.NONE,
                List.of("fr"),
                Urgency.IMMEDIATE,
                ZONES.resolve(List.of(DangerZone.commune("06088"))),
                FRANCE.requireCommune("06088").centre(),
                200);
        MatchContext context =
                new MatchContext(NOW, Set.of(network.get(5).units().get(0).id()), Set.of());
        List<Candidate> all = engine.candidates(request, context, ShelterIndex.of(network), 100_000);
        assertThat(all).hasSize(600 * 4 - 1);
        for (int round = 0; round < 5; round++) {
            Collections.shuffle(network, random);
            for (int limit : new int[] {1, 7, 32}) {
                assertThat(engine.candidates(request, context, ShelterIndex.of(network), limit))
                        .isEqualTo(all.subList(0, limit));
            }
        }
    }

    @Test
    void theIndexFindsSheltersById() {
        Random random = new Random(3);
        List<Commune> communes = new ArrayList<>(FRANCE.communes());
        List<ShelterProfile> network = network(200, communes, random);
        ShelterIndex index = ShelterIndex.of(network);
        assertThat(index.size()).isEqualTo(200);
        for (int slot = 0; slot < network.size(); slot++) {
            ShelterProfile s = network.get(slot);
            assertThat(index.slot(s.id())).isEqualTo(slot);
            assertThat(index.profile(s.id())).contains(s);
        }
        assertThat(index.slot(UUID.randomUUID())).isEqualTo(-1);
        MatchContext nothingHeld = new MatchContext(NOW, Set.of(), Set.of());
        assertThat(engine.candidates(request(communes, random), nothingHeld, ShelterIndex.of(List.of()), 5))
                .isEmpty();
    }

    @Test
    void unitsKeepTheirTimesToTheNanosecond() {
        Instant precise = Instant.parse("2026-03-02T08:00:00.123456789Z");
        UnitProfile unit = new UnitProfile(UUID.randomUUID(), 2, UnitStatus.OCCUPIED, precise, precise.minusNanos(1));
        Commune lyon = FRANCE.requireCommune("69123");
        ShelterProfile s = new ShelterProfile(
                UUID.randomUUID(),
                "S",
                true,
                lyon.centre(),
                lyon.departmentCode(),
                Set.of(Gender.FEMALE),
                false,
                0,
                null,
                null,
                false,
                Set.of(Support.MEDICAL),
                Set.of("fr", "ro"),
                List.of(unit));
        assertThat(s.units()).containsExactly(unit);
        assertThat(s.genders()).containsExactly(Gender.FEMALE);
        assertThat(s.support()).containsExactly(Support.MEDICAL);
        assertThat(s.languages()).containsExactlyInAnyOrder("fr", "ro");
        assertThat(ShelterProfile.instant(ShelterProfile.nanos(Instant.parse("1901-01-01T00:00:00.5Z"))))
                .isEqualTo(Instant.parse("1901-01-01T00:00:00.5Z"));
        // Beyond what nanoseconds hold: clamped, still ordered.
        assertThat(ShelterProfile.nanos(Instant.parse("3000-01-01T00:00:00Z"))).isEqualTo(Long.MAX_VALUE);
        assertThat(ShelterProfile.nanos(Instant.parse("1000-01-01T00:00:00Z")))
                .isLessThan(ShelterProfile.nanos(Instant.EPOCH));
    }

    static List<ShelterProfile> network(int size, List<Commune> communes, Random random) {
        List<ShelterProfile> network = new ArrayList<>(size);
        Gender[] genders = Gender.values();
        Support[] supports = Support.values();
        for (int s = 0; s < size; s++) {
            Commune commune = communes.get(random.nextInt(communes.size()));
            List<UnitProfile> units = new ArrayList<>();
            int unitCount = random.nextInt(8);
            for (int u = 0; u < unitCount; u++) {
                UnitStatus status = UnitStatus.values()[random.nextInt(3)];
                Instant from =
                        random.nextBoolean() ? null : NOW.plus(Duration.ofMinutes(random.nextInt(400 * 60) - 50 * 60));
                Instant confirmed = random.nextInt(10) == 0 ? null : NOW.minus(Duration.ofHours(random.nextInt(40)));
                units.add(new UnitProfile(UUID.randomUUID(), 1 + random.nextInt(5), status, from, confirmed));
            }
            Set<Gender> accepted = new HashSet<>();
            for (Gender g : genders) {
                if (random.nextInt(3) > 0) {
                    accepted.add(g);
                }
            }
            Set<Support> support = new HashSet<>();
            for (Support x : supports) {
                if (random.nextBoolean()) {
                    support.add(x);
                }
            }
            Integer min = random.nextInt(3) == 0 ? random.nextInt(6) : null;
            Integer max = random.nextInt(3) == 0 ? 6 + random.nextInt(12) : null;
            network.add(new ShelterProfile(
                    UUID.randomUUID(),
                    "S" + s,
                    random.nextInt(10) != 0,
                    commune.centre(),
                    commune.departmentCode(),
                    accepted,
                    random.nextBoolean(),
                    random.nextInt(4),
                    min,
                    max,
                    random.nextBoolean(),
                    support,
                    random.nextBoolean() ? Set.of("fr", "en") : Set.of("ro"),
                    units,
                    SCHEMES[random.nextInt(SCHEMES.length)]));
        }
        return network;
    }

    static MatchRequest request(List<Commune> communes, Random random) {
        List<DangerZone> zones = new ArrayList<>();
        zones.add(
                DangerZone.commune(communes.get(random.nextInt(communes.size())).code()));
        if (random.nextBoolean()) {
            zones.add(DangerZone.department(
                    communes.get(random.nextInt(communes.size())).departmentCode()));
        }
        if (random.nextInt(3) == 0) {
            Commune c = communes.get(random.nextInt(communes.size()));
            zones.add(DangerZone.point(c.centre().lat(), c.centre().lon(), random.nextInt(100)));
        }
        List<Integer> children = new ArrayList<>();
        for (int i = random.nextInt(3) == 0 ? 1 + random.nextInt(3) : 0; i > 0; i--) {
            children.add(random.nextInt(17));
        }
        Commune here = communes.get(random.nextInt(communes.size()));
        return new MatchRequest(
                UUID.randomUUID(),
                new Household(Gender.values()[random.nextInt(3)], 30, children),
                new Needs(random.nextInt(4) == 0, random.nextInt(4) == 0, random.nextInt(4) == 0, random.nextBoolean()),
                random.nextBoolean() ? List.of("ro") : List.of(),
                Urgency.values()[random.nextInt(3)],
                ZONES.resolve(zones),
                here.centre(),
                random.nextInt(4) == 0 ? 0 : 50 + random.nextInt(200),
                PREFERENCES[random.nextInt(PREFERENCES.length)]);
    }
}
