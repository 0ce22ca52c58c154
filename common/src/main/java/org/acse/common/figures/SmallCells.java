package org.acse.common.figures;

import java.time.Duration;
import java.util.Collection;
import java.util.List;

/**
 * The figures' disclosure rule (ADR 15), the same in every service: a cell that counts fewer than five referrals is
 * suppressed, and so is everything computed from it (a delay's median, a rate). Nothing else of a group is hidden.
 */
public final class SmallCells {
    public static final int THRESHOLD = 5;

    private SmallCells() {}

    public static Cell count(long n) {
        if (n < 0) {
            throw new IllegalArgumentException("a count is not negative");
        }
        return n < THRESHOLD ? new Cell(null, true) : new Cell(n, false);
    }

    /** Median and 90th percentile (nearest rank) of the durations, each one referral's. */
    public static Delay delay(Collection<Duration> durations) {
        Cell referrals = count(durations.size());
        if (referrals.suppressed()) {
            return new Delay(referrals, null, null);
        }
        List<Long> minutes =
                durations.stream().map(Duration::toMinutes).sorted().toList();
        return new Delay(referrals, nearestRank(minutes, 50), nearestRank(minutes, 90));
    }

    /**
     * {@code part} out of {@code whole}, rounded to a tenth of a percent; null when either counts fewer than five:
     * a rate of a small group, or of a few among many, tells about those few.
     */
    public static Double percent(long part, long whole) {
        if (count(part).suppressed() || count(whole).suppressed()) {
            return null;
        }
        return Math.round(1000.0 * part / whole) / 10.0;
    }

    static long nearestRank(List<Long> sorted, int percentile) {
        int rank = (int) Math.ceil(percentile / 100.0 * sorted.size());
        return sorted.get(Math.max(rank, 1) - 1);
    }
}
