package org.acse.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** summary.json is what compares two runs: each figure says its target and whether it was met. */
class SummaryTest {
    @TempDir
    Path dir;

    @Test
    void eachFigureCarriesItsTargetAndVerdictNextToTheFloorsAndTheRun() throws Exception {
        Summary summary = new Summary();
        summary.atMost("flow.cpuPerReferral.ms", 48.8, "ms", 10);
        summary.atMost("rest.services.cores", 0.044, "cores", 0.05);
        summary.atLeast("intake.sustainedPerSecond", 250, "referrals/s", 2500);
        summary.figure("flow.created.p50Ms", 17, "ms");
        Histogram pg = new Histogram(3);
        pg.recordValue(TimeUnit.MICROSECONDS.toNanos(230));
        summary.floor("postgresInsertCommit", pg);

        Path file = dir.resolve("latest/summary.json");
        summary.write(file, Map.of("commit", "abc1234", "loadAverageAtStart", "0.61 0.40 0.30"));

        JsonNode json = Json.MAPPER.readTree(Files.readString(file));
        assertThat(json.path("commit").asText()).isEqualTo("abc1234");
        assertThat(json.path("loadAverageAtStart").asText()).isEqualTo("0.61 0.40 0.30");
        assertThat(json.path("floors")
                        .path("postgresInsertCommit")
                        .path("p50Ms")
                        .asDouble())
                .isBetween(0.229, 0.231);
        JsonNode figures = json.path("figures");
        assertThat(figures).hasSize(4);
        assertThat(figures.get(0).path("met").asBoolean()).isFalse();
        assertThat(figures.get(0).path("bound").asText()).isEqualTo("AT_MOST");
        assertThat(figures.get(1).path("met").asBoolean()).isTrue();
        assertThat(figures.get(2).path("met").asBoolean()).isFalse();
        assertThat(figures.get(2).path("target").asDouble()).isEqualTo(2500);
        assertThat(figures.get(3).path("target").isNull()).isTrue();
    }
}
