package org.acse.common.events;

import java.util.List;

/** Who needs a bed: one adult and the ages of the children with them. No identity. */
public record Household(Gender gender, int adultAge, List<Integer> childrenAges) {
    public Household {
        childrenAges = childrenAges == null ? List.of() : List.copyOf(childrenAges);
    }

    public int size() {
        return 1 + childrenAges.size();
    }

    public boolean hasChildren() {
        return !childrenAges.isEmpty();
    }
}
