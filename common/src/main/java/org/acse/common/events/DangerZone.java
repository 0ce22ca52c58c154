package org.acse.common.events;

/**
 * A place the person must be kept away from: a commune (its centre), a department (its centre, and the whole
 * department is excluded), or a point with a radius. Exactly one form is set.
 */
public record DangerZone(String communeCode, String departmentCode, Double lat, Double lon, Double radiusKm) {
    public static DangerZone commune(String code) {
        return new DangerZone(code, null, null, null, null);
    }

    public static DangerZone department(String code) {
        return new DangerZone(null, code, null, null, null);
    }

    public static DangerZone point(double lat, double lon, double radiusKm) {
        return new DangerZone(null, null, lat, lon, radiusKm);
    }
}
