package org.acse.placement.shelter;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.acse.common.events.Gender;
import org.acse.placement.matching.Support;
import org.acse.placement.matching.UnitStatus;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A shelter as coordinators and its own staff see it, address included (that read is audited), and the scheme of
 * places it belongs to (null if none).
 */
public record ShelterView(
        UUID id,
        String code,
        String name,
        String communeCode,
        String departmentCode,
        String address,
        Accepts accepts,
        boolean wheelchairAccessible,
        List<Support> support,
        List<String> languages,
        boolean active,
        List<UnitView> units,
        SchemeRef scheme) {

    public record SchemeRef(UUID id, String code, String name) {}

    @Schema(name = "ShelterAcceptsView")
    public record Accepts(
            List<Gender> genders, boolean families, int maxChildren, Integer childMinAge, Integer childMaxAge) {}

    public record UnitView(
            UUID id, int capacity, UnitStatus status, Instant availableFrom, Instant lastConfirmedAt, boolean stale) {}

    /** The list form: no address, so that listing never spreads addresses. */
    public record Summary(
            UUID id,
            String code,
            String name,
            String communeCode,
            String departmentCode,
            boolean active,
            int units,
            int freeUnits,
            String schemeCode) {}
}
