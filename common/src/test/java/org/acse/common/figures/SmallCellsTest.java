package org.acse.common.figures;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class SmallCellsTest {
    @Test
    void aCellOfFewerThanFiveReferralsHasNoNumber() {
        for (int n = 0; n < 5; n++) {
            assertThat(SmallCells.count(n)).isEqualTo(new Cell(null, true));
        }
        assertThat(SmallCells.count(5)).isEqualTo(new Cell(5L, false));
        assertThat(SmallCells.count(1234)).isEqualTo(new Cell(1234L, false));
    }

    @Test
    void theDelaysOfAFewPeopleAreNotShown() {
        Delay few = SmallCells.delay(List.of(Duration.ofHours(1), Duration.ofHours(2), Duration.ofHours(3)));
        assertThat(few.referrals().suppressed()).isTrue();
        assertThat(few.medianMinutes()).isNull();
        assertThat(few.p90Minutes()).isNull();
    }

    @Test
    void medianAndNinetiethPercentileByNearestRank() {
        List<Duration> tenToHundred = IntStream.rangeClosed(1, 10)
                .mapToObj(i -> Duration.ofMinutes(10L * i))
                .toList();
        Delay delay = SmallCells.delay(tenToHundred);
        assertThat(delay.referrals().value()).isEqualTo(10);
        assertThat(delay.medianMinutes()).isEqualTo(50);
        assertThat(delay.p90Minutes()).isEqualTo(90);

        Delay five = SmallCells.delay(List.of(
                Duration.ofMinutes(5),
                Duration.ofMinutes(1),
                Duration.ofMinutes(4),
                Duration.ofMinutes(2),
                Duration.ofMinutes(3)));
        assertThat(five.medianMinutes()).isEqualTo(3);
        assertThat(five.p90Minutes()).isEqualTo(5);
    }

    @Test
    void aRateOfOrAmongAFewIsNotShown() {
        assertThat(SmallCells.percent(2, 40)).isNull();
        assertThat(SmallCells.percent(3, 4)).isNull();
        assertThat(SmallCells.percent(0, 40)).isNull();
        assertThat(SmallCells.percent(5, 40)).isEqualTo(12.5);
        assertThat(SmallCells.percent(10, 30)).isEqualTo(33.3);
    }

    @Test
    void aCellIsEitherANumberOrSuppressed() {
        assertThatThrownBy(() -> new Cell(3L, true)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Cell(null, false)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SmallCells.count(-1)).isInstanceOf(IllegalArgumentException.class);
    }
}
