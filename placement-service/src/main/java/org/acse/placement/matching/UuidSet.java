package org.acse.placement.matching;

import java.util.Collection;
import java.util.UUID;

/**
 * A read-only set of UUIDs in primitive arrays (open addressing): a lookup hashes two longs and touches no object.
 * Built once per search from the units held right now.
 */
final class UuidSet {
    private final long[] most;
    private final long[] least;
    private final boolean[] used;
    private final int mask;
    private final int size;

    UuidSet(Collection<UUID> collection) {
        // An array first: the collection may be a concurrent set that grows while it is read.
        UUID[] ids = collection.toArray(new UUID[0]);
        int capacity = Integer.highestOneBit(Math.max(4, ids.length * 2 - 1)) << 1;
        most = new long[capacity];
        least = new long[capacity];
        used = new boolean[capacity];
        mask = capacity - 1;
        size = ids.length;
        for (UUID id : ids) {
            int i = slot(id.getMostSignificantBits(), id.getLeastSignificantBits());
            while (used[i] && !(most[i] == id.getMostSignificantBits() && least[i] == id.getLeastSignificantBits())) {
                i = (i + 1) & mask;
            }
            used[i] = true;
            most[i] = id.getMostSignificantBits();
            least[i] = id.getLeastSignificantBits();
        }
    }

    boolean contains(long m, long l) {
        if (size == 0) {
            return false;
        }
        for (int i = slot(m, l); used[i]; i = (i + 1) & mask) {
            if (most[i] == m && least[i] == l) {
                return true;
            }
        }
        return false;
    }

    private int slot(long m, long l) {
        long h = (m ^ l) * 0x9E3779B97F4A7C15L;
        return (int) (h ^ (h >>> 32)) & mask;
    }
}
