package org.acse.placement.matching;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.acse.common.events.Gender;
import org.acse.common.geo.GeoPoint;

/**
 * An immutable in-memory view of one shelter for matching: what it accepts, where it is (coordinates and
 * department, never its address) and its units. Compact on purpose (10,000 of them must fit a small heap next to
 * the rest of the service): sets are bit masks, units are primitive columns (ids as two longs, times as epoch
 * nanoseconds), and the trigonometry of its position is precomputed so that a distance costs a few multiplications.
 */
public final class ShelterProfile {
    /** "No time given" in the time columns. */
    static final long NONE = Long.MIN_VALUE;

    private static final Gender[] GENDERS = Gender.values();
    private static final Support[] SUPPORTS = Support.values();
    private static final UnitStatus[] STATUSES = UnitStatus.values();
    private static final long NANOS = 1_000_000_000L;

    private final UUID id;
    private final String code;
    private final boolean active;
    private final GeoPoint location;
    private final String departmentCode;
    /** The scheme of places the shelter belongs to (its code), or null. */
    private final String schemeCode;

    private final boolean families;
    private final int maxChildren;
    private final Integer childMinAge;
    private final Integer childMaxAge;
    private final boolean wheelchairAccessible;
    private final String[] languages;
    private final int maxCapacity;
    /** Units not FREE (occupied or out of service), whatever the holds. */
    final int notFree;

    private final int genderMask;
    private final int supportMask;
    final Place place;
    // The units as primitive columns: the search reads these without chasing a pointer per field.
    final int[] unitCapacity;
    final byte[] unitStatus;
    final long[] unitFrom;
    final long[] unitConfirmed;
    final long[] unitMost;
    final long[] unitLeast;

    public ShelterProfile(
            UUID id,
            String code,
            boolean active,
            GeoPoint location,
            String departmentCode,
            Set<Gender> genders,
            boolean families,
            int maxChildren,
            Integer childMinAge,
            Integer childMaxAge,
            boolean wheelchairAccessible,
            Set<Support> support,
            Set<String> languages,
            List<UnitProfile> units) {
        this(
                id,
                code,
                active,
                location,
                departmentCode,
                genders,
                families,
                maxChildren,
                childMinAge,
                childMaxAge,
                wheelchairAccessible,
                support,
                languages,
                units,
                null);
    }

    public ShelterProfile(
            UUID id,
            String code,
            boolean active,
            GeoPoint location,
            String departmentCode,
            Set<Gender> genders,
            boolean families,
            int maxChildren,
            Integer childMinAge,
            Integer childMaxAge,
            boolean wheelchairAccessible,
            Set<Support> support,
            Set<String> languages,
            List<UnitProfile> units,
            String schemeCode) {
        this.id = id;
        this.code = code;
        this.active = active;
        this.location = location;
        this.departmentCode = departmentCode == null ? null : departmentCode.intern();
        this.schemeCode = schemeCode == null ? null : schemeCode.intern();
        this.families = families;
        this.maxChildren = maxChildren;
        this.childMinAge = childMinAge;
        this.childMaxAge = childMaxAge;
        this.wheelchairAccessible = wheelchairAccessible;
        // Interned: thousands of shelters share a handful of language codes.
        this.languages = languages.stream().map(String::intern).distinct().toArray(String[]::new);
        this.genderMask = genders.stream().mapToInt(g -> 1 << g.ordinal()).reduce(0, (a, b) -> a | b);
        this.supportMask = support.stream().mapToInt(x -> 1 << x.ordinal()).reduce(0, (a, b) -> a | b);
        this.place = new Place(location.lat(), location.lon());
        int n = units.size();
        unitCapacity = new int[n];
        unitStatus = new byte[n];
        unitFrom = new long[n];
        unitConfirmed = new long[n];
        unitMost = new long[n];
        unitLeast = new long[n];
        int max = 0;
        int notFreeCount = 0;
        for (int i = 0; i < n; i++) {
            UnitProfile u = units.get(i);
            unitCapacity[i] = u.capacity();
            unitStatus[i] = (byte) u.status().ordinal();
            unitFrom[i] = nanos(u.availableFrom());
            unitConfirmed[i] = nanos(u.lastConfirmedAt());
            unitMost[i] = u.id().getMostSignificantBits();
            unitLeast[i] = u.id().getLeastSignificantBits();
            max = Math.max(max, u.capacity());
            if (u.status() != UnitStatus.FREE) {
                notFreeCount++;
            }
        }
        this.maxCapacity = max;
        this.notFree = notFreeCount;
    }

    /**
     * Epoch nanoseconds, exact between the years 1678 and 2261; times beyond are clamped (such a place is never
     * available within an urgency's delay, or has been available since long before now).
     */
    static long nanos(Instant t) {
        if (t == null) {
            return NONE;
        }
        long seconds = t.getEpochSecond();
        if (seconds >= Long.MAX_VALUE / NANOS) {
            return Long.MAX_VALUE;
        }
        if (seconds <= Long.MIN_VALUE / NANOS + 1) {
            return Long.MIN_VALUE + 1;
        }
        return seconds * NANOS + t.getNano();
    }

    static Instant instant(long nanos) {
        return nanos == NONE ? null : Instant.ofEpochSecond(Math.floorDiv(nanos, NANOS), Math.floorMod(nanos, NANOS));
    }

    public UUID id() {
        return id;
    }

    public String code() {
        return code;
    }

    public boolean active() {
        return active;
    }

    public GeoPoint location() {
        return location;
    }

    public String departmentCode() {
        return departmentCode;
    }

    public String schemeCode() {
        return schemeCode;
    }

    public boolean accepts(Gender gender) {
        return (genderMask & (1 << gender.ordinal())) != 0;
    }

    public boolean offers(Support kind) {
        return (supportMask & (1 << kind.ordinal())) != 0;
    }

    public Set<Gender> genders() {
        Set<Gender> set = EnumSet.noneOf(Gender.class);
        for (Gender g : GENDERS) {
            if (accepts(g)) {
                set.add(g);
            }
        }
        return Collections.unmodifiableSet(set);
    }

    public boolean families() {
        return families;
    }

    public int maxChildren() {
        return maxChildren;
    }

    public Integer childMinAge() {
        return childMinAge;
    }

    public Integer childMaxAge() {
        return childMaxAge;
    }

    public boolean wheelchairAccessible() {
        return wheelchairAccessible;
    }

    public Set<Support> support() {
        Set<Support> set = EnumSet.noneOf(Support.class);
        for (Support s : SUPPORTS) {
            if (offers(s)) {
                set.add(s);
            }
        }
        return Collections.unmodifiableSet(set);
    }

    public Set<String> languages() {
        return Set.of(languages);
    }

    /** Whether the staff speak this language (codes as stored: lower case). */
    public boolean speaks(String language) {
        for (String l : languages) {
            if (l.equals(language)) {
                return true;
            }
        }
        return false;
    }

    /** The units, rebuilt from the columns (not for the hot path). */
    public List<UnitProfile> units() {
        List<UnitProfile> units = new ArrayList<>(unitCapacity.length);
        for (int i = 0; i < unitCapacity.length; i++) {
            units.add(unit(i));
        }
        return units;
    }

    public int unitCount() {
        return unitCapacity.length;
    }

    UnitProfile unit(int i) {
        return new UnitProfile(
                new UUID(unitMost[i], unitLeast[i]),
                unitCapacity[i],
                STATUSES[unitStatus[i]],
                instant(unitFrom[i]),
                instant(unitConfirmed[i]));
    }

    /** The largest unit: a household larger than this cannot land here, whatever the availability. */
    public int maxCapacity() {
        return maxCapacity;
    }
}
