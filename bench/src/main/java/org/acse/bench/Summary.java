package org.acse.bench;

import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.HdrHistogram.Histogram;

/**
 * The run's figures as data ({@code summary.json}), so that two runs can be compared by a program: each figure with
 * its target and whether it was met, the floors measured in the same run, the commit and the machine's load.
 */
final class Summary {
    /** How a figure compares with its target. */
    enum Bound {
        AT_MOST,
        AT_LEAST
    }

    /**
     * One measured figure; {@code target} is null for a figure reported without a target, {@code value} for one the
     * run never reached (e.g. back to normal within the run).
     */
    record Figure(String name, Double value, String unit, Double target, Bound bound, Boolean met) {}

    private final List<Figure> figures = new ArrayList<>();
    private final Map<String, Map<String, Double>> floors = new LinkedHashMap<>();

    void figure(String name, double value, String unit) {
        figures.add(new Figure(name, value, unit, null, null, null));
    }

    void atMost(String name, double value, String unit, double target) {
        figures.add(new Figure(name, value, unit, target, Bound.AT_MOST, value <= target));
    }

    void atLeast(String name, double value, String unit, double target) {
        figures.add(new Figure(name, value, unit, target, Bound.AT_LEAST, value >= target));
    }

    /** A figure the run did not reach at all (missed). */
    void notReached(String name, String unit, double target) {
        figures.add(new Figure(name, null, unit, target, Bound.AT_MOST, false));
    }

    void floor(String name, Histogram h) {
        if (h.getTotalCount() > 0) {
            floors.put(name, Map.of("p50Ms", millis(h, 50), "p99Ms", millis(h, 99)));
        }
    }

    List<Figure> figures() {
        return List.copyOf(figures);
    }

    static double millis(Histogram h, double percentile) {
        return h.getValueAtPercentile(percentile) / 1e6;
    }

    /** Written next to the report and, for comparisons across runs, as {@code bench/results/latest/summary.json}. */
    void write(Path file, Map<String, Object> run) {
        Map<String, Object> out = new LinkedHashMap<>(run);
        out.put("floors", floors);
        out.put("figures", figures);
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(
                    file, Json.MAPPER.writer(SerializationFeature.INDENT_OUTPUT).writeValueAsString(out) + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
