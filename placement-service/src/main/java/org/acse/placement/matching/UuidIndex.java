package org.acse.placement.matching;

import java.util.UUID;

/**
 * A read-only map from UUIDs to small ints (positions) in primitive arrays (open addressing): a lookup hashes two
 * longs and touches no object. Filled once while an index is built, then only read (safe to share once published).
 */
final class UuidIndex {
    private final long[] most;
    private final long[] least;
    private final int[] value;
    private final int mask;

    UuidIndex(int expected) {
        int capacity = Integer.highestOneBit(Math.max(4, expected * 2 - 1)) << 1;
        most = new long[capacity];
        least = new long[capacity];
        value = new int[capacity];
        java.util.Arrays.fill(value, -1);
        mask = capacity - 1;
    }

    /** Maps the id to {@code position} (≥ 0) unless it is already mapped: the first one wins. */
    void put(long m, long l, int position) {
        int i = slot(m, l);
        while (value[i] >= 0) {
            if (most[i] == m && least[i] == l) {
                return;
            }
            i = (i + 1) & mask;
        }
        most[i] = m;
        least[i] = l;
        value[i] = position;
    }

    /** The position of the id, or -1. */
    int get(UUID id) {
        return get(id.getMostSignificantBits(), id.getLeastSignificantBits());
    }

    int get(long m, long l) {
        for (int i = slot(m, l); value[i] >= 0; i = (i + 1) & mask) {
            if (most[i] == m && least[i] == l) {
                return value[i];
            }
        }
        return -1;
    }

    private int slot(long m, long l) {
        long h = (m ^ l) * 0x9E3779B97F4A7C15L;
        return (int) (h ^ (h >>> 32)) & mask;
    }
}
