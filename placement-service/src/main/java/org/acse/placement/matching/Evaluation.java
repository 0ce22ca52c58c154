package org.acse.placement.matching;

import java.util.UUID;

/** The verdict on one shelter: excluded (and why), or eligible with its best place. */
public record Evaluation(UUID shelterId, String shelterCode, Exclusion exclusion, Candidate best) {
    public boolean eligible() {
        return exclusion == null;
    }
}
