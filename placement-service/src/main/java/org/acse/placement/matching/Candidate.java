package org.acse.placement.matching;

import java.time.Instant;
import java.util.Comparator;
import java.util.UUID;

/** An eligible place: a unit of a shelter, when it is available, and its score. */
public record Candidate(UUID shelterId, UUID unitId, int capacity, Instant availableFrom, Score score) {
    /** Fresh before stale, then best score, then the smallest unit that fits (keep big units for families), then ids. */
    public static final Comparator<Candidate> RANKING = Comparator
            .comparing((Candidate c) -> c.score().stale())
            .thenComparing(Comparator.comparingDouble((Candidate c) -> c.score().total()).reversed())
            .thenComparingInt(Candidate::capacity)
            .thenComparing(Candidate::shelterId)
            .thenComparing(Candidate::unitId);
}
