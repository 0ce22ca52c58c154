package org.acse.placement.matching;

import java.util.Comparator;
import java.util.List;
import org.acse.common.events.DangerZone;
import org.acse.common.geo.Commune;
import org.acse.common.geo.Department;
import org.acse.common.geo.Gazetteer;
import org.acse.common.geo.GeoPoint;
import org.acse.common.geo.UnknownPlaceException;

/** Turns the danger zones of a referral into areas. Unknown codes are an error, never a guess. */
public final class DangerZones {
    private final Gazetteer gazetteer;

    public DangerZones(Gazetteer gazetteer) {
        this.gazetteer = gazetteer;
    }

    /** @throws UnknownPlaceException for a code the gazetteer does not know, or a zone of no form */
    public List<ZoneArea> resolve(List<DangerZone> zones) {
        return zones.stream().map(this::resolve).toList();
    }

    public ZoneArea resolve(DangerZone zone) {
        if (zone.communeCode() != null) {
            Commune commune = gazetteer.requireCommune(zone.communeCode());
            return new ZoneArea(commune.centre(), radius(zone), commune.departmentCode());
        }
        if (zone.departmentCode() != null) {
            Department department = gazetteer.requireDepartment(zone.departmentCode());
            return new ZoneArea(department.centre(), radius(zone), department.code());
        }
        if (zone.lat() != null && zone.lon() != null) {
            GeoPoint point;
            try {
                point = new GeoPoint(zone.lat(), zone.lon());
            } catch (IllegalArgumentException e) {
                throw new UnknownPlaceException("point", null);
            }
            String department = gazetteer.communes().stream()
                    .min(Comparator.comparingDouble(c -> c.centre().distanceKm(point)))
                    .map(Commune::departmentCode)
                    .orElse(null);
            return new ZoneArea(point, radius(zone), department);
        }
        throw new UnknownPlaceException("danger zone", null);
    }

    private static double radius(DangerZone zone) {
        return zone.radiusKm() == null ? 0 : Math.max(0, zone.radiusKm());
    }
}
