package org.acse.placement.matching;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.acse.common.events.DangerZone;
import org.acse.common.events.Gender;
import org.acse.common.events.Household;
import org.acse.common.events.Needs;
import org.acse.common.events.Urgency;
import org.acse.common.geo.Commune;
import org.acse.common.geo.Gazetteer;
import org.acse.common.geo.UnknownPlaceException;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.Test;

/** Every hard constraint and ranking rule of product §5, with real French communes. */
class MatchingEngineTest {
    static final Instant NOW = Instant.parse("2026-03-02T08:00:00Z");
    static final Gazetteer FRANCE = Gazetteer.france();
    static final DangerZones ZONES = new DangerZones(FRANCE);
    static final String NICE = "06088";
    static final String LYON = "69123";
    static final String MARSEILLE = "13055";
    static final String PARIS = "75056";
    static final String GRENOBLE = "38185";
    static final String GRASSE = "06069";
    static final String TOULON = "83137";

    final MatchingEngine engine = new MatchingEngine(MatchingRules.defaults());

    /** A shelter at a commune with the given units, accepting everyone, every support. */
    static Shelter shelter(String commune) {
        return new Shelter(commune);
    }

    static final class Shelter {
        final UUID id = UUID.randomUUID();
        String commune;
        boolean active = true;
        Set<Gender> genders = Set.of(Gender.values());
        boolean families = true;
        int maxChildren = 6;
        Integer childMinAge;
        Integer childMaxAge;
        boolean wheelchair = true;
        Set<Support> support = Set.of(Support.values());
        Set<String> languages = Set.of("fr");
        String scheme;
        List<UnitProfile> units = new ArrayList<>();

        Shelter(String commune) {
            this.commune = commune;
        }

        Shelter inScheme(String code) {
            this.scheme = code;
            return this;
        }

        Shelter unit(int capacity) {
            return unit(capacity, UnitStatus.FREE, null, NOW);
        }

        Shelter unit(int capacity, UnitStatus status, Instant from, Instant confirmed) {
            units.add(new UnitProfile(UUID.randomUUID(), capacity, status, from, confirmed));
            return this;
        }

        ShelterProfile profile() {
            Commune c = FRANCE.requireCommune(commune);
            return new ShelterProfile(
                    id,
                    "S-" + commune + "-" + id.toString().substring(0, 4),
                    active,
                    c.centre(),
                    c.departmentCode(),
                    genders,
                    families,
                    maxChildren,
                    childMinAge,
                    childMaxAge,
                    wheelchair,
                    support,
                    languages,
                    units,
                    scheme);
        }
    }

    static MatchRequest request(
            Gender gender,
            List<Integer> children,
            Needs needs,
            List<String> languages,
            Urgency urgency,
            List<DangerZone> zones,
            String current,
            int minKm) {
        return new MatchRequest(
                UUID.randomUUID(),
                new Household(gender, 30, children),
                needs,
                languages,
                urgency,
                ZONES.resolve(zones),
                FRANCE.requireCommune(current).centre(),
                minKm);
    }

    static MatchRequest woman() {
        return request(
                Gender.FEMALE,
                List.of(),
                Needs.NONE,
                List.of("fr"),
                Urgency.IMMEDIATE,
                List.of(DangerZone.commune(NICE)),
                NICE,
                200);
    }

    static MatchContext context() {
        return new MatchContext(NOW, Set.of(), Set.of());
    }

    Exclusion verdict(MatchRequest request, MatchContext context, Shelter shelter) {
        return engine.explain(request, context, List.of(shelter.profile()))
                .get(0)
                .exclusion();
    }

    Exclusion verdict(MatchRequest request, Shelter shelter) {
        return verdict(request, context(), shelter);
    }

    @Test
    void dangerZoneInNiceExcludesAllOfTheAlpesMaritimesAndAnythingWithin200Km() {
        assertThat(verdict(woman(), shelter(NICE).unit(1))).isEqualTo(Exclusion.IN_DANGER_ZONE_DEPARTMENT);
        assertThat(verdict(woman(), shelter(GRASSE).unit(1))).isEqualTo(Exclusion.IN_DANGER_ZONE_DEPARTMENT);
        assertThat(verdict(woman(), shelter(MARSEILLE).unit(1))).isEqualTo(Exclusion.TOO_CLOSE_TO_DANGER_ZONE);
        assertThat(verdict(woman(), shelter(TOULON).unit(1))).isEqualTo(Exclusion.TOO_CLOSE_TO_DANGER_ZONE);
        assertThat(verdict(woman(), shelter(GRENOBLE).unit(1))).isNull(); // ~205 km
        assertThat(verdict(woman(), shelter(LYON).unit(1))).isNull();
    }

    @Test
    void theDepartmentIsExcludedEvenWhenTheDistanceAskedIsSmall() {
        MatchRequest near = request(
                Gender.FEMALE,
                List.of(),
                Needs.NONE,
                List.of(),
                Urgency.IMMEDIATE,
                List.of(DangerZone.commune(NICE)),
                NICE,
                10);
        assertThat(verdict(near, shelter(GRASSE).unit(1))).isEqualTo(Exclusion.IN_DANGER_ZONE_DEPARTMENT);
        assertThat(verdict(near, shelter(TOULON).unit(1))).isNull();
    }

    @Test
    void aLargerMinimumDistanceExcludesMore() {
        MatchRequest far = request(
                Gender.FEMALE,
                List.of(),
                Needs.NONE,
                List.of(),
                Urgency.IMMEDIATE,
                List.of(DangerZone.commune(NICE)),
                NICE,
                250);
        assertThat(verdict(far, shelter(GRENOBLE).unit(1))).isEqualTo(Exclusion.TOO_CLOSE_TO_DANGER_ZONE);
        assertThat(verdict(far, shelter(LYON).unit(1))).isNull();
    }

    @Test
    void departmentAndPointZonesCountTheirRadius() {
        MatchRequest rhone = request(
                Gender.FEMALE,
                List.of(),
                Needs.NONE,
                List.of(),
                Urgency.IMMEDIATE,
                List.of(DangerZone.department("69")),
                PARIS,
                200);
        assertThat(verdict(rhone, shelter(LYON).unit(1))).isEqualTo(Exclusion.IN_DANGER_ZONE_DEPARTMENT);
        assertThat(verdict(rhone, shelter(GRENOBLE).unit(1))).isEqualTo(Exclusion.TOO_CLOSE_TO_DANGER_ZONE);
        assertThat(verdict(rhone, shelter(PARIS).unit(1))).isNull();
        // Paris is ~390 km from Lyon: a 200 km radius around a point in Lyon pushes the limit to 400 km.
        MatchRequest point = request(
                Gender.FEMALE,
                List.of(),
                Needs.NONE,
                List.of(),
                Urgency.IMMEDIATE,
                List.of(DangerZone.point(45.7588, 4.8361, 200)),
                NICE,
                200);
        assertThat(verdict(point, shelter(PARIS).unit(1))).isEqualTo(Exclusion.TOO_CLOSE_TO_DANGER_ZONE);
        assertThat(verdict(point, shelter("35238").unit(1))).isNull(); // Rennes
    }

    @Test
    void everyDangerZoneCounts() {
        MatchRequest two = request(
                Gender.FEMALE,
                List.of(),
                Needs.NONE,
                List.of(),
                Urgency.IMMEDIATE,
                List.of(DangerZone.commune(NICE), DangerZone.commune(PARIS)),
                NICE,
                200);
        assertThat(verdict(two, shelter("45234").unit(1))).isEqualTo(Exclusion.TOO_CLOSE_TO_DANGER_ZONE); // Orléans
        assertThat(verdict(two, shelter("31555").unit(1))).isNull(); // Toulouse
    }

    @Test
    void aFamilyOfThreeNeverLandsInASingleBed() {
        MatchRequest family = request(
                Gender.FEMALE,
                List.of(4, 7),
                Needs.NONE,
                List.of(),
                Urgency.IMMEDIATE,
                List.of(DangerZone.commune(NICE)),
                NICE,
                200);
        assertThat(verdict(family, shelter(LYON).unit(1).unit(2))).isEqualTo(Exclusion.NO_UNIT_LARGE_ENOUGH);
        Shelter mixed = shelter(LYON).unit(1).unit(3).unit(1);
        List<Candidate> candidates = engine.candidates(family, context(), List.of(mixed.profile()), 10);
        assertThat(candidates).hasSize(1);
        assertThat(candidates.get(0).capacity()).isEqualTo(3);
    }

    @Test
    void aManIsNeverProposedToAWomenOnlyShelter() {
        Shelter womenOnly = shelter(LYON).unit(1);
        womenOnly.genders = Set.of(Gender.FEMALE);
        MatchRequest man = request(
                Gender.MALE,
                List.of(),
                Needs.NONE,
                List.of(),
                Urgency.IMMEDIATE,
                List.of(DangerZone.commune(NICE)),
                NICE,
                200);
        assertThat(verdict(man, womenOnly)).isEqualTo(Exclusion.GENDER_NOT_ACCEPTED);
        assertThat(verdict(woman(), womenOnly)).isNull();
    }

    @Test
    void childrenNeedAFamilyShelterThatTakesTheirNumberAndAges() {
        MatchRequest mother = request(
                Gender.FEMALE,
                List.of(2, 15),
                Needs.NONE,
                List.of(),
                Urgency.IMMEDIATE,
                List.of(DangerZone.commune(NICE)),
                NICE,
                200);
        Shelter noFamilies = shelter(LYON).unit(4);
        noFamilies.families = false;
        assertThat(verdict(mother, noFamilies)).isEqualTo(Exclusion.FAMILIES_NOT_ACCEPTED);
        Shelter oneChild = shelter(LYON).unit(4);
        oneChild.maxChildren = 1;
        assertThat(verdict(mother, oneChild)).isEqualTo(Exclusion.TOO_MANY_CHILDREN);
        Shelter youngOnly = shelter(LYON).unit(4);
        youngOnly.childMaxAge = 12;
        assertThat(verdict(mother, youngOnly)).isEqualTo(Exclusion.CHILD_AGE_NOT_ACCEPTED);
        Shelter noToddlers = shelter(LYON).unit(4);
        noToddlers.childMinAge = 3;
        assertThat(verdict(mother, noToddlers)).isEqualTo(Exclusion.CHILD_AGE_NOT_ACCEPTED);
        assertThat(verdict(mother, shelter(LYON).unit(4))).isNull();
    }

    @Test
    void mandatoryNeedsAreMet() {
        Shelter bare = shelter(LYON).unit(1);
        bare.wheelchair = false;
        bare.support = Set.of();
        assertThat(verdict(withNeeds(new Needs(true, false, false, false)), bare))
                .isEqualTo(Exclusion.WHEELCHAIR_ACCESS_MISSING);
        assertThat(verdict(withNeeds(new Needs(false, true, false, false)), bare))
                .isEqualTo(Exclusion.PSYCHOLOGICAL_SUPPORT_MISSING);
        assertThat(verdict(withNeeds(new Needs(false, false, true, false)), bare))
                .isEqualTo(Exclusion.MEDICAL_CARE_MISSING);
        assertThat(verdict(withNeeds(new Needs(false, false, false, true)), bare))
                .isNull(); // interpreter ranks
        Shelter accessible = shelter(LYON).unit(1);
        assertThat(verdict(withNeeds(new Needs(true, true, true, true)), accessible))
                .isNull();
    }

    static MatchRequest withNeeds(Needs needs) {
        return request(
                Gender.FEMALE,
                List.of(),
                needs,
                List.of(),
                Urgency.IMMEDIATE,
                List.of(DangerZone.commune(NICE)),
                NICE,
                200);
    }

    @Test
    void inactiveShelterAndRefusedSheltersAreExcluded() {
        Shelter closed = shelter(LYON).unit(1);
        closed.active = false;
        assertThat(verdict(woman(), closed)).isEqualTo(Exclusion.SHELTER_INACTIVE);
        Shelter declined = shelter(LYON).unit(1);
        assertThat(verdict(woman(), new MatchContext(NOW, Set.of(), Set.of(declined.id)), declined))
                .isEqualTo(Exclusion.ALREADY_DECLINED_OR_EXPIRED);
    }

    @Test
    void aUnitMustBeFreeOrFreeingBeforeTheUrgencyDeadline() {
        Shelter later = shelter(LYON).unit(1, UnitStatus.FREE, NOW.plus(Duration.ofHours(30)), NOW);
        assertThat(verdict(woman(), later)).isEqualTo(Exclusion.NO_UNIT_AVAILABLE_IN_TIME);
        MatchRequest within72h = request(
                Gender.FEMALE,
                List.of(),
                Needs.NONE,
                List.of(),
                Urgency.WITHIN_72H,
                List.of(DangerZone.commune(NICE)),
                NICE,
                200);
        assertThat(verdict(within72h, later)).isNull();
        Shelter freeing = shelter(LYON).unit(1, UnitStatus.OCCUPIED, NOW.plus(Duration.ofHours(5)), NOW);
        assertThat(verdict(woman(), freeing)).isNull();
        Shelter occupied = shelter(LYON).unit(1, UnitStatus.OCCUPIED, null, NOW);
        assertThat(verdict(woman(), occupied)).isEqualTo(Exclusion.NO_UNIT_AVAILABLE_IN_TIME);
        Shelter broken = shelter(LYON).unit(1, UnitStatus.OUT_OF_SERVICE, null, NOW);
        assertThat(verdict(woman(), broken)).isEqualTo(Exclusion.NO_UNIT_AVAILABLE_IN_TIME);
        Shelter held = shelter(LYON).unit(1);
        assertThat(verdict(
                        woman(), new MatchContext(NOW, Set.of(held.units.get(0).id()), Set.of()), held))
                .isEqualTo(Exclusion.NO_UNIT_AVAILABLE_IN_TIME);
    }

    @Test
    void earlierAvailabilityRanksFirst() {
        Shelter now = shelter(LYON).unit(1);
        Shelter tonight = shelter(LYON).unit(1, UnitStatus.FREE, NOW.plus(Duration.ofHours(10)), NOW);
        assertThat(best(woman(), tonight, now)).isEqualTo(now.id);
    }

    @Test
    void aSharedLanguageRanksFirstThenAnInterpreter() {
        Shelter french = shelter(LYON).unit(1);
        Shelter romanian = shelter(LYON).unit(1);
        romanian.languages = Set.of("ro");
        romanian.support = Set.of();
        Shelter interpreter = shelter(LYON).unit(1);
        interpreter.languages = Set.of("fr");
        interpreter.support = Set.of(Support.INTERPRETER);
        MatchRequest speaksRomanian = request(
                Gender.FEMALE,
                List.of(),
                Needs.NONE,
                List.of("ro"),
                Urgency.IMMEDIATE,
                List.of(DangerZone.commune(NICE)),
                NICE,
                200);
        french.support = Set.of();
        assertThat(best(speaksRomanian, french, interpreter, romanian)).isEqualTo(romanian.id);
        assertThat(best(speaksRomanian, french, interpreter)).isEqualTo(interpreter.id);
    }

    @Test
    void anInterpreterNeedRanksSheltersThatMeetIt() {
        Shelter with = shelter(LYON).unit(1);
        with.support = Set.of(Support.INTERPRETER);
        Shelter without = shelter(LYON).unit(1);
        without.support = Set.of();
        without.languages = Set.of("ro");
        List<Evaluation> ranked = engine.explain(
                withNeeds(new Needs(false, false, false, true)), context(), List.of(without.profile(), with.profile()));
        assertThat(ranked.get(0).shelterId()).isEqualTo(with.id);
        assertThat(ranked.get(0).best().score().needs()).isEqualTo(1.0);
        assertThat(ranked.get(1).best().score().needs()).isEqualTo(0.0);
    }

    @Test
    void shorterTravelRanksFirst() {
        Shelter lyon = shelter(LYON).unit(1);
        Shelter lille = shelter("59350").unit(1);
        assertThat(best(woman(), lille, lyon)).isEqualTo(lyon.id);
    }

    @Test
    void lowerOccupancyRanksFirst() {
        Shelter full =
                shelter(LYON).unit(1).unit(1, UnitStatus.OCCUPIED, null, NOW).unit(1, UnitStatus.OCCUPIED, null, NOW);
        Shelter empty = shelter(LYON).unit(1).unit(1).unit(1);
        assertThat(best(woman(), full, empty)).isEqualTo(empty.id);
    }

    @Test
    void staleAvailabilityRanksAfterFreshWhateverTheScore() {
        Shelter staleButClose = shelter(LYON).unit(1, UnitStatus.FREE, null, NOW.minus(Duration.ofHours(30)));
        Shelter freshButFar = shelter("59350").unit(1, UnitStatus.FREE, NOW.plus(Duration.ofHours(12)), NOW);
        Evaluation first = engine.explain(woman(), context(), List.of(staleButClose.profile(), freshButFar.profile()))
                .get(0);
        assertThat(first.shelterId()).isEqualTo(freshButFar.id);
        Evaluation second = engine.explain(woman(), context(), List.of(staleButClose.profile(), freshButFar.profile()))
                .get(1);
        assertThat(second.best().score().stale()).isTrue();
    }

    @Test
    void tiesAreBrokenByAStableIdAndTheOrderOfInputDoesNotMatter() {
        List<ShelterProfile> twins = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            twins.add(shelter(LYON).unit(1).profile());
        }
        UUID expected =
                twins.stream().map(ShelterProfile::id).sorted().findFirst().orElseThrow();
        assertThat(engine.candidates(woman(), context(), twins, 1).get(0).shelterId())
                .isEqualTo(expected);
        List<ShelterProfile> reversed = new ArrayList<>(twins);
        Collections.reverse(reversed);
        assertThat(engine.candidates(woman(), context(), reversed, 1).get(0).shelterId())
                .isEqualTo(expected);
    }

    @Test
    void weightsAreConfigurable() {
        Shelter close = shelter(LYON).unit(1, UnitStatus.FREE, NOW.plus(Duration.ofHours(20)), NOW);
        Shelter farNow = shelter("59350").unit(1);
        assertThat(best(woman(), close, farNow)).isEqualTo(farNow.id);
        MatchingRules travelOnly = new MatchingRules(
                new MatchingRules.Weights(0, 0, 0, 1, 0),
                MatchingRules.defaults().delays(),
                200,
                1200,
                Duration.ofHours(24));
        List<Candidate> ranked = new MatchingEngine(travelOnly)
                .candidates(woman(), context(), List.of(close.profile(), farNow.profile()), 2);
        assertThat(ranked.get(0).shelterId()).isEqualTo(close.id);
    }

    @Test
    void explainGivesEveryShelterAVerdictAndCandidatesAgreeWithIt() {
        List<ShelterProfile> network = List.of(
                shelter(NICE).unit(1).profile(),
                shelter(LYON).unit(1).profile(),
                shelter(PARIS).unit(2).unit(1).profile(),
                shelter(MARSEILLE).unit(1).profile());
        List<Evaluation> all = engine.explain(woman(), context(), network);
        assertThat(all).hasSize(4);
        assertThat(all.stream().filter(Evaluation::eligible).count()).isEqualTo(2);
        assertThat(all.get(0).best().score().total()).isBetween(0.0, 1.0);
        List<Candidate> candidates = engine.candidates(woman(), context(), network, 10);
        assertThat(candidates).hasSize(3);
        assertThat(candidates.get(0).unitId()).isEqualTo(all.get(0).best().unitId());
    }

    @Test
    void unknownPlacesAreRefusedNotGuessed() {
        Assertions.assertThatThrownBy(() -> ZONES.resolve(DangerZone.commune("99999")))
                .isInstanceOf(UnknownPlaceException.class);
        assertThat(MatchingRules.defaults().delays()).containsKeys(Urgency.values());
    }

    static final String DESTINY = "DESTINY";
    static final String ANTIBES = "06004";
    static final String CANNES = "06029";
    static final String HYERES = "83069";
    static final String FREJUS = "83061";
    static final String DRAGUIGNAN = "83050";

    /** A woman alone in danger in Paris, asking (or not) for a scheme. */
    static MatchRequest womanInParis(String scheme) {
        return new MatchRequest(
                UUID.randomUUID(),
                new Household(Gender.FEMALE, 30, List.of()),
                Needs.NONE,
                List.of("fr"),
                Urgency.IMMEDIATE,
                ZONES.resolve(List.of(DangerZone.commune(PARIS))),
                FRANCE.requireCommune(PARIS).centre(),
                200,
                scheme);
    }

    @Test
    void aPreferredSchemeRanksItsEligibleSheltersFirst() {
        Shelter lyon = shelter(LYON).unit(1);
        Shelter toulon = shelter(TOULON).unit(1).inScheme(DESTINY);
        Shelter nice = shelter(NICE).unit(1).inScheme(DESTINY);
        List<ShelterProfile> network = List.of(lyon.profile(), toulon.profile(), nice.profile());
        // Without the preference, Lyon is nearer from Paris and ranks first.
        List<Candidate> plain = engine.candidates(womanInParis(null), context(), network, 3);
        assertThat(plain.get(0).shelterId()).isEqualTo(lyon.id);
        assertThat(plain).allSatisfy(c -> {
            assertThat(c.score().scheme()).isNull();
            assertThat(c.score().preferenceApplied()).isFalse();
        });
        // With it, both places of the scheme rank before Lyon, and say why.
        List<Candidate> preferred = engine.candidates(womanInParis("destiny"), context(), network, 3);
        assertThat(preferred).extracting(Candidate::shelterId).containsExactlyInAnyOrder(lyon.id, toulon.id, nice.id);
        assertThat(preferred.get(2).shelterId()).isEqualTo(lyon.id);
        assertThat(preferred.get(0).score().preferenceApplied()).isTrue();
        assertThat(preferred.get(0).score().scheme()).isEqualTo(1.0);
        assertThat(preferred.get(2).score().preferenceApplied()).isFalse();
        assertThat(preferred.get(2).score().scheme()).isEqualTo(0.0);
        assertThat(preferred).allSatisfy(c -> assertThat(c.score().total()).isBetween(0.0, 1.0));
        // The explanation says the preference applied, and the best place is in the scheme.
        SchemePreference summary =
                SchemePreference.of("DESTINY", engine.explain(womanInParis(DESTINY), context(), network));
        assertThat(summary.applied()).isTrue();
        assertThat(summary.bestInScheme()).isTrue();
        assertThat(summary.sheltersInScheme()).isEqualTo(2);
        assertThat(summary.eligibleInScheme()).isEqualTo(2);
        assertThat(summary.summary()).startsWith("Préférence appliquée").contains("Preference applied");
    }

    @Test
    void withoutAKnownSchemeThePreferenceChangesNoScore() {
        List<ShelterProfile> network = List.of(
                shelter(LYON).unit(1).profile(),
                shelter(TOULON).unit(1).inScheme(DESTINY).profile(),
                shelter("59350").unit(2).profile());
        List<Candidate> none = engine.candidates(womanInParis(null), context(), network, 3);
        List<Candidate> unknown = engine.candidates(womanInParis("ELSEWHERE"), context(), network, 3);
        assertThat(unknown).isEqualTo(none);
        // Nor does a weight of 0, nor the rules of an engine that has no scheme weight at all.
        MatchingRules d = MatchingRules.defaults();
        MatchingRules noScheme =
                new MatchingRules(new MatchingRules.Weights(4, 2, 1, 2, 1), d.delays(), 200, 1200, d.staleAfter());
        assertThat(new MatchingEngine(noScheme).candidates(womanInParis(DESTINY), context(), network, 3))
                .extracting(Candidate::shelterId)
                .containsExactlyElementsOf(
                        none.stream().map(Candidate::shelterId).toList());
        assertThat(SchemePreference.of("ELSEWHERE", engine.explain(womanInParis("ELSEWHERE"), context(), network))
                        .summary())
                .contains("not known to the network");
        assertThat(SchemePreference.of(null, List.of())).isNull();
        Assertions.assertThatThrownBy(() -> new MatchingRules(
                        new MatchingRules.Weights(4, 2, 1, 2, 1, -1), d.delays(), 200, 1200, d.staleAfter()))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void thePreferenceNeverPlacesSomeoneInTheDangerZonesDepartmentOrWithinItsDistance() {
        // The whole scheme is in the 06 and the 83: for a person in danger in Nice, all of it is too close.
        List<Shelter> scheme = List.of(
                shelter(NICE),
                shelter(CANNES),
                shelter(ANTIBES),
                shelter(GRASSE),
                shelter(TOULON),
                shelter(HYERES),
                shelter(FREJUS),
                shelter(DRAGUIGNAN));
        List<ShelterProfile> network = new ArrayList<>();
        for (Shelter s : scheme) {
            network.add(s.unit(1).unit(2).inScheme(DESTINY).profile());
        }
        Shelter lyon = shelter(LYON).unit(1);
        network.add(lyon.profile());
        MatchRequest inNice = new MatchRequest(
                UUID.randomUUID(),
                new Household(Gender.FEMALE, 30, List.of()),
                Needs.NONE,
                List.of("fr"),
                Urgency.IMMEDIATE,
                ZONES.resolve(List.of(DangerZone.commune(NICE))),
                FRANCE.requireCommune(NICE).centre(),
                200,
                DESTINY);
        // Whatever the weight of the preference.
        for (double weight : new double[] {3, 1_000}) {
            MatchingRules d = MatchingRules.defaults();
            MatchingEngine heavy = new MatchingEngine(new MatchingRules(
                    new MatchingRules.Weights(4, 2, 1, 2, 1, weight), d.delays(), 200, 1200, d.staleAfter()));
            assertThat(heavy.candidates(inNice, context(), network, 32))
                    .extracting(Candidate::shelterId)
                    .containsOnly(lyon.id);
            List<Evaluation> explained = heavy.explain(inNice, context(), network);
            assertThat(explained.stream()
                            .filter(e -> DESTINY.equals(e.schemeCode()))
                            .map(Evaluation::exclusion))
                    .hasSize(8)
                    .containsOnly(Exclusion.IN_DANGER_ZONE_DEPARTMENT, Exclusion.TOO_CLOSE_TO_DANGER_ZONE)
                    .contains(Exclusion.IN_DANGER_ZONE_DEPARTMENT, Exclusion.TOO_CLOSE_TO_DANGER_ZONE);
            SchemePreference summary = SchemePreference.of(DESTINY, explained);
            assertThat(summary.applied()).isFalse();
            assertThat(summary.exclusionsInScheme())
                    .containsEntry(Exclusion.IN_DANGER_ZONE_DEPARTMENT, 4)
                    .containsEntry(Exclusion.TOO_CLOSE_TO_DANGER_ZONE, 4);
            assertThat(summary.summary()).startsWith("Préférence sans effet").contains("Preference not applied");
        }
        // A radius counts too: in danger within 80 km of Marseille, from Paris, asking only 10 km more.
        Commune marseille = FRANCE.requireCommune(MARSEILLE);
        MatchRequest aroundMarseille = new MatchRequest(
                UUID.randomUUID(),
                new Household(Gender.FEMALE, 30, List.of()),
                Needs.NONE,
                List.of("fr"),
                Urgency.IMMEDIATE,
                ZONES.resolve(List.of(DangerZone.point(
                        marseille.centre().lat(), marseille.centre().lon(), 80))),
                FRANCE.requireCommune(PARIS).centre(),
                10,
                DESTINY);
        List<Candidate> found = engine.candidates(aroundMarseille, context(), network, 32);
        assertThat(found)
                .extracting(Candidate::shelterId)
                .doesNotContain(scheme.get(4).id, scheme.get(5).id)
                .contains(scheme.get(0).id);
        assertThat(found.get(0).score().preferenceApplied()).isTrue();
        assertThat(verdict(aroundMarseille, scheme.get(4))).isEqualTo(Exclusion.TOO_CLOSE_TO_DANGER_ZONE);
        assertThat(verdict(aroundMarseille, scheme.get(5))).isEqualTo(Exclusion.TOO_CLOSE_TO_DANGER_ZONE);
    }

    @Test
    void thePreferenceNeverBendsTheHouseholdOrTheNeeds() {
        Shelter womenOnly = shelter(TOULON).unit(1).inScheme(DESTINY);
        womenOnly.genders = Set.of(Gender.FEMALE);
        Shelter noCare = shelter(NICE).unit(1).inScheme(DESTINY);
        noCare.support = Set.of();
        Shelter single = shelter(HYERES).unit(1).inScheme(DESTINY);
        MatchRequest man = new MatchRequest(
                UUID.randomUUID(),
                new Household(Gender.MALE, 30, List.of()),
                new Needs(false, false, true, false),
                List.of(),
                Urgency.IMMEDIATE,
                ZONES.resolve(List.of(DangerZone.commune(PARIS))),
                FRANCE.requireCommune(PARIS).centre(),
                200,
                DESTINY);
        assertThat(verdict(man, womenOnly)).isEqualTo(Exclusion.GENDER_NOT_ACCEPTED);
        assertThat(verdict(man, noCare)).isEqualTo(Exclusion.MEDICAL_CARE_MISSING);
        MatchRequest family = new MatchRequest(
                UUID.randomUUID(),
                new Household(Gender.FEMALE, 30, List.of(3, 6)),
                Needs.NONE,
                List.of(),
                Urgency.IMMEDIATE,
                ZONES.resolve(List.of(DangerZone.commune(PARIS))),
                FRANCE.requireCommune(PARIS).centre(),
                200,
                DESTINY);
        assertThat(verdict(family, single)).isEqualTo(Exclusion.NO_UNIT_LARGE_ENOUGH);
        assertThat(engine.candidates(
                        family,
                        context(),
                        List.of(single.profile(), shelter(LYON).unit(3).profile()),
                        5))
                .hasSize(1)
                .allSatisfy(c -> assertThat(c.score().preferenceApplied()).isFalse());
    }

    UUID best(MatchRequest request, Shelter... shelters) {
        List<ShelterProfile> profiles = new ArrayList<>();
        for (Shelter s : shelters) {
            profiles.add(s.profile());
        }
        return engine.candidates(request, context(), profiles, 1).get(0).shelterId();
    }
}
