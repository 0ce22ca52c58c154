package org.acse.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import org.acse.common.events.DeclineReason;
import org.acse.common.events.Gender;
import org.acse.common.events.Urgency;
import org.acse.web.api.Views;
import org.acse.web.i18n.Lang;
import org.acse.web.i18n.Words;
import org.junit.jupiter.api.Test;

/** Every code the services answer with is shown in words, in French and in English, each one its own. */
@QuarkusTest
@WithTestResource(value = WebTestResource.class, scope = TestResourceScope.GLOBAL)
class WordsTest {
    private static final List<Locale> LANGUAGES = List.of(Lang.FRENCH, Lang.ENGLISH);

    @Test
    void everyCodeHasItsOwnWordsInBothLanguages() {
        for (Locale locale : LANGUAGES) {
            Words w = Words.of(locale);
            inWords(locale, Words.REFERRAL_STATUSES, w::status);
            inWords(locale, Words.PLACEMENT_STATUSES, w::placementStatus);
            inWords(locale, names(Urgency.values()), w::urgency);
            inWords(locale, names(Gender.values()), w::gender);
            inWords(locale, names(DeclineReason.values()), w::reason);
            inWords(locale, Words.NEEDS, w::need);
            inWords(locale, Words.EXPLOITATION, w::exploitation);
            inWords(locale, Words.EXCLUSIONS, w::exclusion);
            inWords(locale, Words.LANGUAGES, w::language);
        }
    }

    @Test
    void frenchFirstAndEnglishOnRequest() {
        assertThat(Words.of(Lang.FRENCH).status("NO_MATCH")).isEqualTo("Aucune place trouvée");
        assertThat(Words.of(Lang.ENGLISH).status("NO_MATCH")).isEqualTo("No place found");
        assertThat(Words.of(Lang.FRENCH).reason("SAFETY_CONCERN")).isEqualTo("Risque pour la sécurité");
        assertThat(Words.of(Lang.FRENCH).language("ro")).isEqualTo("Roumain");
        assertThat(Words.of(Lang.ENGLISH).language("ro")).isEqualTo("Romanian");
        assertThat(Words.of(Lang.FRENCH).country("NG")).isEqualTo("Nigeria");
        assertThat(Lang.of("de")).isEqualTo(Lang.FRENCH);
    }

    @Test
    void timesAreInParisWithTheZoneSaid() {
        Instant winter = Instant.parse("2026-12-01T09:15:00Z");
        Instant summer = Instant.parse("2026-07-01T09:15:00Z");
        assertThat(Words.of(Lang.FRENCH).dateTime(winter)).isEqualTo("1 déc. 2026 à 10:15 (heure de Paris)");
        assertThat(Words.of(Lang.FRENCH).dateTime(summer)).isEqualTo("1 juil. 2026 à 11:15 (heure de Paris)");
        assertThat(Words.of(Lang.ENGLISH).dateTime(winter)).isEqualTo("1 Dec 2026, 10:15 (Paris time)");
    }

    @Test
    void aHouseholdAndItsNeedsInASentence() {
        Words fr = Words.of(Lang.FRENCH);
        assertThat(fr.household(new Views.Household("FEMALE", 29, List.of(4, 7))))
                .isEqualTo("Femme, 29 ans, avec enfant(s) de 4, 7 ans");
        assertThat(fr.needs(new Views.Needs(false, true, false, true))).isEqualTo("Soutien psychologique, Interprète");
        assertThat(fr.languages(List.of("en", "yo"))).isEqualTo("Anglais, Yoruba");
        assertThat(Words.of(Lang.ENGLISH).household(new Views.Household("MALE", 40, List.of())))
                .isEqualTo("Man, 40 years old, alone");
    }

    private static void inWords(Locale locale, List<String> codes, Function<String, String> words) {
        HashSet<String> seen = new HashSet<>();
        for (String code : codes) {
            String text = words.apply(code);
            assertThat(text).as("%s in %s", code, locale).isNotBlank().isNotEqualTo(code);
            assertThat(seen.add(text))
                    .as("%s in %s: '%s' is the words of another code too", code, locale, text)
                    .isTrue();
        }
    }

    private static List<String> names(Enum<?>[] values) {
        return Arrays.stream(values).map(Enum::name).toList();
    }
}
