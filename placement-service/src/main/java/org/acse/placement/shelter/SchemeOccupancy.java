package org.acse.placement.shelter;

import java.util.List;
import java.util.UUID;
import org.acse.placement.matching.UnitStatus;

/**
 * The figures of a scheme from its units, as a plain function: each unit counts its capacity once, by what is
 * happening to it — a live placement first (held, or accepted and awaiting the person), then what the staff say
 * (occupied, out of service, free). No person, no referral: counts only.
 */
public final class SchemeOccupancy {
    /** One unit: its capacity, its status as the staff published it, and its live placement if any. */
    public record UnitState(int capacity, UnitStatus status, boolean held, boolean accepted) {}

    public static SchemeView.Occupancy count(UUID schemeId, String code, int shelters, List<UnitState> units) {
        int places = 0;
        int free = 0;
        int held = 0;
        int given = 0;
        int occupied = 0;
        int outOfService = 0;
        for (UnitState u : units) {
            places += u.capacity();
            if (u.held()) {
                held += u.capacity();
            } else if (u.accepted()) {
                given += u.capacity();
            } else if (u.status() == UnitStatus.OCCUPIED) {
                occupied += u.capacity();
            } else if (u.status() == UnitStatus.OUT_OF_SERVICE) {
                outOfService += u.capacity();
            } else {
                free += u.capacity();
            }
        }
        return new SchemeView.Occupancy(
                schemeId, code, shelters, units.size(), places, free, held, given, occupied, outOfService);
    }

    private SchemeOccupancy() {}
}
