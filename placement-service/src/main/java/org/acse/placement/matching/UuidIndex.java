package org.acse.placement.matching;

import java.util.UUID;

/**
 * A read-only map from UUIDs to small ints (positions), open addressing in one primitive array: a slot is three
 * adjacent longs (the id's two halves and the position + 1, 0 for empty), so a lookup touches one cache line and no
 * object. Filled once while an index is built, then only read (safe to share once published).
 */
final class UuidIndex {
    private final long[] table;
    private final int mask;

    UuidIndex(int expected) {
        int capacity = Integer.highestOneBit(Math.max(4, expected * 2 - 1)) << 1;
        table = new long[capacity * 3];
        mask = capacity - 1;
    }

    /** Maps the id to {@code position} (≥ 0) unless it is already mapped: the first one wins. */
    void put(long m, long l, int position) {
        int i = slot(m, l);
        while (table[i * 3 + 2] != 0) {
            if (table[i * 3] == m && table[i * 3 + 1] == l) {
                return;
            }
            i = (i + 1) & mask;
        }
        table[i * 3] = m;
        table[i * 3 + 1] = l;
        table[i * 3 + 2] = position + 1L;
    }

    /** The position of the id, or -1. */
    int get(UUID id) {
        return get(id.getMostSignificantBits(), id.getLeastSignificantBits());
    }

    int get(long m, long l) {
        for (int i = slot(m, l); table[i * 3 + 2] != 0; i = (i + 1) & mask) {
            if (table[i * 3] == m && table[i * 3 + 1] == l) {
                return (int) (table[i * 3 + 2] - 1);
            }
        }
        return -1;
    }

    private int slot(long m, long l) {
        long h = (m ^ l) * 0x9E3779B97F4A7C15L;
        return (int) (h ^ (h >>> 32)) & mask;
    }
}
