package org.acse.platform.figures;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.acse.common.figures.Breakdown;
import org.acse.platform.problem.ProblemException;
import org.junit.jupiter.api.Test;

class FigureRequestTest {
    @Test
    void byMonthOfEveryReferralByDefault() {
        FigureRequest.Figures f = FigureRequest.of(null, null, null, null).parse();
        assertThat(f.by()).isEqualTo(Breakdown.MONTH);
        assertThat(f.scheme()).isNull();
        assertThat(f.counts(Instant.parse("2001-01-01T00:00:00Z"))).isTrue();
    }

    @Test
    void monthsAreParisMonthsBothIncluded() {
        FigureRequest.Figures f =
                FigureRequest.of("region", "DESTINY", "2026-10", "2026-11").parse();
        assertThat(f.by()).isEqualTo(Breakdown.REGION);
        assertThat(f.counts(Instant.parse("2026-09-30T22:00:00Z"))).isTrue(); // 1 October, 00:00 in Paris
        assertThat(f.counts(Instant.parse("2026-09-30T21:59:59Z"))).isFalse();
        assertThat(f.counts(Instant.parse("2026-11-30T22:59:59Z"))).isTrue();
        assertThat(f.counts(Instant.parse("2026-11-30T23:00:00Z"))).isFalse(); // 1 December in Paris
    }

    @Test
    void everyBadParameterIsNamed() {
        assertThatThrownBy(() -> FigureRequest.of("shelter", "no spaces", "2026-13", "26-01")
                        .parse())
                .isInstanceOfSatisfying(ProblemException.class, e -> {
                    assertThat(e.status()).isEqualTo(400);
                    assertThat(e.toProblem().errors())
                            .extracting(err -> err.field())
                            .containsExactly("by", "scheme", "from", "to");
                });
        assertThatThrownBy(() ->
                        FigureRequest.of("month", null, "2026-11", "2026-10").parse())
                .isInstanceOfSatisfying(
                        ProblemException.class,
                        e -> assertThat(e.toProblem().errors())
                                .extracting(err -> err.field())
                                .containsExactly("to"));
    }
}
