package org.acse.placement.matching;

import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.acse.common.events.Gender;
import org.acse.common.geo.GeoPoint;

/**
 * An immutable in-memory view of one shelter for matching: what it accepts, where it is (coordinates and
 * department, never its address) and its units. The trigonometry of its position is precomputed, so that a
 * distance costs a few multiplications during a search over thousands of shelters.
 */
public final class ShelterProfile {
    private final UUID id;
    private final String code;
    private final boolean active;
    private final GeoPoint location;
    private final String departmentCode;
    private final Set<Gender> genders;
    private final boolean families;
    private final int maxChildren;
    private final Integer childMinAge;
    private final Integer childMaxAge;
    private final boolean wheelchairAccessible;
    private final Set<Support> support;
    private final Set<String> languages;
    private final List<UnitProfile> units;
    private final int maxCapacity;
    private final int genderMask;
    private final int supportMask;
    final Place place;
    // The units again as primitive columns: the search reads these without chasing a pointer per field.
    static final long NONE = Long.MIN_VALUE;
    final int[] unitCapacity;
    final int[] unitStatus;
    final long[] unitFrom;
    final long[] unitConfirmed;
    final long[] unitMost;
    final long[] unitLeast;

    public ShelterProfile(UUID id, String code, boolean active, GeoPoint location, String departmentCode,
            Set<Gender> genders, boolean families, int maxChildren, Integer childMinAge, Integer childMaxAge,
            boolean wheelchairAccessible, Set<Support> support, Set<String> languages, List<UnitProfile> units) {
        this.id = id;
        this.code = code;
        this.active = active;
        this.location = location;
        this.departmentCode = departmentCode;
        this.genders = Set.copyOf(genders);
        this.families = families;
        this.maxChildren = maxChildren;
        this.childMinAge = childMinAge;
        this.childMaxAge = childMaxAge;
        this.wheelchairAccessible = wheelchairAccessible;
        this.support = Set.copyOf(support);
        this.languages = Set.copyOf(languages);
        this.units = List.copyOf(units);
        this.maxCapacity = units.stream().mapToInt(UnitProfile::capacity).max().orElse(0);
        this.genderMask = genders.stream().mapToInt(g -> 1 << g.ordinal()).reduce(0, (a, b) -> a | b);
        this.supportMask = support.stream().mapToInt(x -> 1 << x.ordinal()).reduce(0, (a, b) -> a | b);
        this.place = new Place(location.lat(), location.lon());
        int n = this.units.size();
        unitCapacity = new int[n];
        unitStatus = new int[n];
        unitFrom = new long[n];
        unitConfirmed = new long[n];
        unitMost = new long[n];
        unitLeast = new long[n];
        for (int i = 0; i < n; i++) {
            UnitProfile u = this.units.get(i);
            unitCapacity[i] = u.capacity();
            unitStatus[i] = u.status().ordinal();
            unitFrom[i] = u.availableFrom() == null ? NONE : u.availableFrom().toEpochMilli();
            unitConfirmed[i] = u.lastConfirmedAt() == null ? NONE : u.lastConfirmedAt().toEpochMilli();
            unitMost[i] = u.id().getMostSignificantBits();
            unitLeast[i] = u.id().getLeastSignificantBits();
        }
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

    public boolean accepts(Gender gender) {
        return (genderMask & (1 << gender.ordinal())) != 0;
    }

    public boolean offers(Support kind) {
        return (supportMask & (1 << kind.ordinal())) != 0;
    }

    public Set<Gender> genders() {
        return genders;
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
        return support;
    }

    public Set<String> languages() {
        return languages;
    }

    public List<UnitProfile> units() {
        return units;
    }

    /** The largest unit: a household larger than this cannot land here, whatever the availability. */
    public int maxCapacity() {
        return maxCapacity;
    }
}
