package org.acse.placement.matching;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.acse.common.events.Gender;

/**
 * The shelter network arranged for searching, immutable once built: the hard constraints that are mere properties
 * of a shelter (active, gender, families, wheelchair access, psychological and medical support) as bit sets, so
 * that a search starts from the AND of a few words per 64 shelters instead of visiting every shelter; positions,
 * departments and schemes as primitive columns. Units stay in their profiles: a search looks at the units of a
 * shelter only when that shelter could enter its top.
 */
public final class ShelterIndex {
    private static final int GENDERS = Gender.values().length;

    private final ShelterProfile[] shelters;
    private final UuidIndex shelterSlots;
    final int words;
    private final long[] active;
    private final long[][] gender;
    private final long[] families;
    private final long[] wheelchair;
    private final long[] psychological;
    private final long[] medical;
    final int[] maxCapacity;
    final int[] department;
    private final Map<String, Integer> departments = new HashMap<>();
    /** The scheme of each shelter as a small id (-1: none), so that a search compares ints. */
    final int[] scheme;

    private final Map<String, Integer> schemes = new HashMap<>();
    final double[] sinLat;
    final double[] cosLat;
    final double[] sinLon;
    final double[] cosLon;

    private ShelterIndex(ShelterProfile[] shelters) {
        this.shelters = shelters;
        int n = shelters.length;
        words = (n + 63) >>> 6;
        active = new long[words];
        gender = new long[GENDERS][words];
        families = new long[words];
        wheelchair = new long[words];
        psychological = new long[words];
        medical = new long[words];
        maxCapacity = new int[n];
        department = new int[n];
        scheme = new int[n];
        sinLat = new double[n];
        cosLat = new double[n];
        sinLon = new double[n];
        cosLon = new double[n];
        shelterSlots = new UuidIndex(n);
        for (int i = 0; i < n; i++) {
            ShelterProfile s = shelters[i];
            shelterSlots.put(s.id().getMostSignificantBits(), s.id().getLeastSignificantBits(), i);
            set(active, i, s.active());
            for (Gender g : Gender.values()) {
                set(gender[g.ordinal()], i, s.accepts(g));
            }
            set(families, i, s.families());
            set(wheelchair, i, s.wheelchairAccessible());
            set(psychological, i, s.offers(Support.PSYCHOLOGICAL));
            set(medical, i, s.offers(Support.MEDICAL));
            maxCapacity[i] = s.maxCapacity();
            department[i] = departmentId(s.departmentCode());
            scheme[i] = s.schemeCode() == null ? -1 : schemes.computeIfAbsent(s.schemeCode(), c -> schemes.size());
            sinLat[i] = s.place.sinLat;
            cosLat[i] = s.place.cosLat;
            sinLon[i] = s.place.sinLon;
            cosLon[i] = s.place.cosLon;
        }
    }

    /** The index of these shelters, in this order (the order never changes a result: ties are broken by ids). */
    public static ShelterIndex of(Collection<ShelterProfile> shelters) {
        return new ShelterIndex(shelters.toArray(new ShelterProfile[0]));
    }

    private static void set(long[] bits, int i, boolean value) {
        if (value) {
            bits[i >>> 6] |= 1L << i;
        }
    }

    private int departmentId(String code) {
        if (code == null) {
            return -1;
        }
        return departments.computeIfAbsent(code, c -> departments.size());
    }

    public int size() {
        return shelters.length;
    }

    public Optional<ShelterProfile> profile(UUID shelterId) {
        int slot = slot(shelterId);
        return slot < 0 ? Optional.empty() : Optional.of(shelters[slot]);
    }

    ShelterProfile at(int slot) {
        return shelters[slot];
    }

    /** The shelter's position in this index, or -1. */
    int slot(UUID shelterId) {
        return shelterSlots.get(shelterId);
    }

    /** The id of a department in {@link #department}, or -1 when no shelter of the index is in it. */
    int knownDepartment(String code) {
        Integer id = code == null ? null : departments.get(code);
        return id == null ? -1 : id;
    }

    /** The id of a scheme in {@link #scheme}, or -1 when no shelter of the index belongs to it. */
    int knownScheme(String code) {
        Integer id = code == null ? null : schemes.get(code);
        return id == null ? -1 : id;
    }

    /**
     * The shelters that pass the hard constraints that are properties of a shelter alone: active, accepting this
     * gender, and families, wheelchair access, psychological and medical support where asked for. A fresh array.
     */
    long[] passing(
            Gender g, boolean children, boolean wheelchairAccess, boolean psychologicalSupport, boolean medicalCare) {
        long[] bits = active.clone();
        and(bits, gender[g.ordinal()]);
        if (children) {
            and(bits, families);
        }
        if (wheelchairAccess) {
            and(bits, wheelchair);
        }
        if (psychologicalSupport) {
            and(bits, psychological);
        }
        if (medicalCare) {
            and(bits, medical);
        }
        return bits;
    }

    private static void and(long[] into, long[] other) {
        for (int i = 0; i < into.length; i++) {
            into[i] &= other[i];
        }
    }
}
