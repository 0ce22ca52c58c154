package org.acse.web.coordinator;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.acse.common.figures.Cell;
import org.acse.web.WebTestResource;
import org.acse.web.i18n.Lang;
import org.acse.web.i18n.Words;
import org.junit.jupiter.api.Test;

/** A figure's codes and numbers in words, French first: never a code, never the number of a suppressed cell. */
@QuarkusTest
@WithTestResource(value = WebTestResource.class, scope = TestResourceScope.GLOBAL)
class FigureWordsTest {
    final FigureWords fr = new FigureWords(Words.of(Lang.FRENCH));
    final FigureWords en = new FigureWords(Words.of(Lang.ENGLISH));

    @Test
    void groupsAreNamed() {
        assertThat(fr.group("month", "2026-11")).isEqualTo("novembre 2026");
        assertThat(en.group("month", "2026-11")).isEqualTo("November 2026");
        assertThat(fr.group("region", "93")).isEqualTo("Provence-Alpes-Côte d'Azur");
        assertThat(fr.group("region", "?")).isEqualTo("Région inconnue");
        assertThat(fr.group("urgency", "IMMEDIATE"))
                .isEqualTo(Words.of(Lang.FRENCH).urgency("IMMEDIATE"));
    }

    @Test
    void aSuppressedCellSaysFewerThanFive() {
        assertThat(fr.cell(new Cell(null, true))).isEqualTo("moins de 5");
        assertThat(en.cell(new Cell(null, true))).isEqualTo("fewer than 5");
        assertThat(en.cell(new Cell(1234L, false))).isEqualTo("1,234");
    }

    @Test
    void delaysInDaysHoursAndMinutes() {
        assertThat(fr.minutes(12L)).isEqualTo("12 min");
        assertThat(fr.minutes(185L)).isEqualTo("3 h 05");
        assertThat(en.minutes(185L)).isEqualTo("3 h 05 min");
        assertThat(fr.minutes(3000L)).isEqualTo("2 j 2 h");
        assertThat(en.minutes(3000L)).isEqualTo("2 d 2 h");
        assertThat(fr.minutes(null)).isEqualTo("—");
        assertThat(en.percent(12.5)).isEqualTo("12.5%");
        assertThat(en.percent(null)).isEqualTo("—");
    }
}
