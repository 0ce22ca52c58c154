package org.acse.placement.shelter;

import java.util.List;
import java.util.UUID;
import org.acse.placement.matching.Support;

/**
 * A scheme as coordinators see it: its shelters (no address), where they are (departments), the support they
 * offer, and its places (the capacities of its active shelters' units). Staff of one of its shelters see the same
 * without the other shelters.
 */
public record SchemeView(
        UUID id,
        String code,
        String name,
        String description,
        int places,
        int units,
        List<String> departments,
        List<Support> support,
        List<ShelterEntry> shelters) {

    public record ShelterEntry(
            UUID id, String code, String name, String communeCode, String departmentCode, boolean active, int places) {}

    /**
     * {@code GET /api/v1/schemes/{id}/occupancy}: counts only, in places (the capacity of the units), no person.
     * {@code held}: proposed to a shelter, waiting for its answer; {@code given}: accepted, the person is expected;
     * {@code occupied}: someone lives there; {@code free}: free now or from a declared time.
     */
    public record Occupancy(
            UUID schemeId,
            String code,
            int shelters,
            int units,
            int places,
            int free,
            int held,
            int given,
            int occupied,
            int outOfService) {}
}
