package org.acse.intake.referral;

import org.acse.common.events.DangerZone;

/**
 * A danger zone given as a point may be a home or an exploitation site: it never leaves the form as given. Its centre
 * snaps to a grid of {@value #GRID_DEGREES}° (about 11 km north–south) and its radius grows by more than the largest
 * move that snapping can cause, so the coarse disc always contains the one given: matching excludes at least what
 * the partner asked for, and nobody downstream learns more than the grid cell. Communes and departments are already
 * coarse.
 */
final class CoarseZones {
    static final double GRID_DEGREES = 0.1;
    /**
     * Half a cell's diagonal is at most 5.56 km north–south by 5.56 km east–west (at the equator): 7.87 km; 8 km
     * covers it everywhere.
     */
    static final double RADIUS_GROWTH_KM = 8;

    private CoarseZones() {}

    static DangerZone of(ReferralRequest.DangerZone zone) {
        if (zone.lat() == null) {
            return new DangerZone(zone.communeCode(), zone.departmentCode(), null, null, null);
        }
        return DangerZone.point(snap(zone.lat()), snap(zone.lon()), Math.ceil(zone.radiusKm()) + RADIUS_GROWTH_KM);
    }

    private static double snap(double degrees) {
        // Rounded on tenths as integers, so that 43.7 stays 43.7 and not 43.699999999999996.
        return Math.round(degrees / GRID_DEGREES) / 10.0;
    }
}
