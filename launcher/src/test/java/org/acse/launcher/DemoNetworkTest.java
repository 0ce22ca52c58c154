package org.acse.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.acse.common.geo.Commune;
import org.acse.common.geo.Gazetteer;
import org.acse.launcher.DemoNetwork.DemoShelter;
import org.junit.jupiter.api.Test;

class DemoNetworkTest {
    private final List<DemoShelter> shelters = DemoNetwork.shelters();
    private final Gazetteer france = Gazetteer.france();

    @Test
    void atLeastFortySheltersAtRealCommunesAcrossMetropolitanFrance() {
        assertThat(shelters).hasSizeGreaterThanOrEqualTo(40);
        for (DemoShelter s : shelters) {
            assertThat(france.commune(s.communeCode()))
                    .as(s.code() + " commune")
                    .isPresent();
        }
        Set<String> regions = shelters.stream()
                .map(s -> france.requireCommune(s.communeCode()).regionCode())
                .collect(Collectors.toSet());
        assertThat(regions).as("metropolitan regions covered").hasSizeGreaterThanOrEqualTo(12);
        // Metropolitan France: no overseas department (97x).
        assertThat(shelters).noneMatch(s -> s.communeCode().startsWith("97"));
    }

    @Test
    void codesAreUniqueAndUsableAsKeycloakUserNames() {
        Set<String> codes = new HashSet<>();
        for (DemoShelter s : shelters) {
            assertThat(codes.add(s.code())).as("unique " + s.code()).isTrue();
            // Keycloak lower-cases user names: staff.<code> must survive that unchanged.
            assertThat(s.code()).matches("[a-z0-9][a-z0-9-]{0,31}");
            assertThat(s.address()).contains("fictive");
        }
    }

    @Test
    void aRealisticMixOfCharacteristics() {
        assertThat(shelters.stream()
                        .filter(s -> s.genders().equals(List.of("FEMALE")))
                        .count())
                .as("women-only")
                .isGreaterThanOrEqualTo(20);
        assertThat(shelters).anyMatch(s -> s.genders().equals(List.of("MALE")));
        assertThat(shelters).anyMatch(s -> s.genders().contains("NON_BINARY"));
        assertThat(shelters).anyMatch(s -> s.families() && s.maxChildren() >= 4);
        assertThat(shelters).anyMatch(s -> !s.families());
        assertThat(shelters.stream().filter(DemoShelter::wheelchairAccessible).count())
                .isGreaterThan(10);
        assertThat(shelters.stream().flatMap(s -> s.support().stream()).collect(Collectors.toSet()))
                .contains("PSYCHOLOGICAL", "MEDICAL", "LEGAL", "CHILDCARE", "INTERPRETER", "FRENCH_LESSONS");
        assertThat(shelters.stream().flatMap(s -> s.languages().stream()).collect(Collectors.toSet()))
                .contains("fr", "en", "ro", "yo", "zh", "ar");
        // ISO 639-1, as intake validates a referral's languages: a shelter language a referral cannot name is useless.
        Set<String> iso6391 = Set.of(Locale.getISOLanguages());
        assertThat(shelters).allMatch(s -> iso6391.containsAll(s.languages()));
        assertThat(shelters).anyMatch(s -> s.units().size() >= 3);
        assertThat(shelters).allMatch(s -> s.units().stream().allMatch(c -> c >= 1 && c <= 30));
    }

    @Test
    void theDemoReferralHasEligibleShelters() {
        Commune nice = france.requireCommune(DemoReferral.DANGER_ZONE);
        // A woman with a 4-year-old, needing psychological support, outside the 06 and 200 km away at least.
        List<DemoShelter> eligible = shelters.stream()
                .filter(s -> s.genders().contains("FEMALE") && s.families() && s.maxChildren() >= 1)
                .filter(s -> s.support().contains("PSYCHOLOGICAL"))
                .filter(s -> s.units().stream().anyMatch(c -> c >= 2))
                .filter(s -> {
                    Commune c = france.requireCommune(s.communeCode());
                    return !c.departmentCode().equals(nice.departmentCode())
                            && c.centre().distanceKm(nice.centre()) >= 200;
                })
                .toList();
        assertThat(eligible).hasSizeGreaterThanOrEqualTo(10);
        // ...and the network also shows the geographic rules at work: shelters too close or in the danger zone.
        assertThat(shelters)
                .anyMatch(s ->
                        france.requireCommune(s.communeCode()).departmentCode().equals("06"));
        assertThat(shelters).anyMatch(s -> {
            Commune c = france.requireCommune(s.communeCode());
            return !c.departmentCode().equals("06") && c.centre().distanceKm(nice.centre()) < 200;
        });
    }

    @Test
    void theDestinySchemeHasEighteenPlacesInTheAlpesMaritimesAndTheVarWithGlobalSupport() {
        List<DemoShelter> destiny = DemoNetwork.of(DemoNetwork.DESTINY);
        assertThat(destiny.stream().mapToInt(DemoShelter::places).sum()).isEqualTo(18);
        assertThat(destiny).allSatisfy(s -> {
            assertThat(france.requireCommune(s.communeCode()).departmentCode())
                    .as(s.code())
                    .isIn("06", "83");
            assertThat(s.support())
                    .as(s.code() + " support")
                    .contains("PSYCHOLOGICAL", "FRENCH_LESSONS", "LEGAL", "SOCIAL", "MEDICAL");
            assertThat(s.request()).containsEntry("schemeCode", "DESTINY");
        });
        // Real communes, by name: the INSEE codes are those of these towns.
        assertThat(destiny.stream()
                        .map(s -> france.requireCommune(s.communeCode()).name())
                        .toList())
                .containsExactlyInAnyOrder(
                        "Nice", "Cannes", "Antibes", "Grasse", "Toulon", "Hyères", "Fréjus", "Draguignan");
        assertThat(destiny.stream()
                        .map(s -> france.requireCommune(s.communeCode()).departmentCode())
                        .collect(Collectors.toSet()))
                .containsExactlyInAnyOrder("06", "83");
        // The other shelters belong to no scheme, and say nothing of one.
        assertThat(shelters)
                .filteredOn(s -> s.schemeCode() == null)
                .allSatisfy(s -> assertThat(s.request()).doesNotContainKey("schemeCode"));
        assertThat(DemoNetwork.schemes()).containsExactly(DemoNetwork.DESTINY);
        assertThat(DemoNetwork.DESTINY.code()).matches("[A-Z0-9][A-Z0-9_-]{1,15}");
        assertThat(DemoNetwork.DESTINY.description()).contains("06", "83").hasSizeLessThanOrEqualTo(2000);
    }

    @Test
    void theReferralFromParisFitsTheSchemeAndTheOneFromNiceCannot() {
        // From Paris: a woman alone needing psychological support, outside the 75 and 200 km away at least.
        Commune paris = france.requireCommune(DemoReferral.PARIS);
        assertThat(DemoNetwork.of(DemoNetwork.DESTINY))
                .filteredOn(s -> s.genders().contains("FEMALE"))
                .filteredOn(s -> france.requireCommune(s.communeCode()).centre().distanceKm(paris.centre()) >= 200)
                .hasSizeGreaterThanOrEqualTo(4);
        // From Nice: every shelter of the scheme is in the 06 or within 200 km of Nice.
        Commune nice = france.requireCommune(DemoReferral.DANGER_ZONE);
        assertThat(DemoNetwork.of(DemoNetwork.DESTINY)).allSatisfy(s -> {
            Commune c = france.requireCommune(s.communeCode());
            assertThat(c.departmentCode().equals("06") || c.centre().distanceKm(nice.centre()) < 200)
                    .as(s.code())
                    .isTrue();
        });
        assertThat(DemoReferral.stories())
                .extracting(DemoReferral.Story::preferredScheme)
                .containsOnly("DESTINY");
        assertThat(DemoReferral.fromParis().body()).containsEntry("preferredScheme", "DESTINY");
    }

    @Test
    void theRequestFollowsTheShelterContract() {
        var request = shelters.get(0).request();
        assertThat(request)
                .containsKeys(
                        "code",
                        "name",
                        "communeCode",
                        "address",
                        "accepts",
                        "wheelchairAccessible",
                        "support",
                        "languages",
                        "active",
                        "units");
        assertThat((List<?>) request.get("units"))
                .hasSize(shelters.get(0).units().size());
    }
}
