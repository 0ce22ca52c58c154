package org.acse.placement.matching;

import java.time.Instant;
import java.util.Comparator;
import java.util.UUID;

/** An eligible place: a unit of a shelter, when it is available, and its score. */
public record Candidate(UUID shelterId, UUID unitId, int capacity, Instant availableFrom, Score score) {
    /** Fresh before stale, then best score, then the smallest unit that fits (keep big units for families), then ids. */
    public static final Comparator<Candidate> RANKING = (a, b) -> {
        int c = Double.compare(b.rankKey(), a.rankKey());
        if (c != 0) {
            return c;
        }
        c = Integer.compare(a.capacity, b.capacity);
        if (c != 0) {
            return c;
        }
        c = a.shelterId.compareTo(b.shelterId);
        return c != 0 ? c : a.unitId.compareTo(b.unitId);
    };

    /** Higher ranks first: the total, and every stale place below every fresh one (totals are within [0, 1]). */
    public static double rankKey(double total, boolean stale) {
        return stale ? total - 2 : total;
    }

    public double rankKey() {
        return rankKey(score.total(), score.stale());
    }
}
