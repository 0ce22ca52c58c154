package org.acse.placement.matching;

import java.util.UUID;

/**
 * The verdict on one shelter: excluded (and why), or eligible with its best place; {@code schemeCode} is the scheme
 * of places it belongs to, if any.
 */
public record Evaluation(UUID shelterId, String shelterCode, String schemeCode, Exclusion exclusion, Candidate best) {
    public boolean eligible() {
        return exclusion == null;
    }
}
