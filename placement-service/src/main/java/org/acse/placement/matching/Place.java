package org.acse.placement.matching;

import org.acse.common.geo.GeoPoint;

/**
 * A point with precomputed trigonometry, and the haversine distance between such points (the same formula and
 * Earth radius as {@link GeoPoint#distanceKm}).
 */
final class Place {
    static final double EARTH_RADIUS_KM = 6371.0088;

    static double distanceKm(double lat1, double lon1, double cosLat1, double lat2, double lon2, double cosLat2) {
        double sinDLat = Math.sin((lat2 - lat1) / 2);
        double sinDLon = Math.sin((lon2 - lon1) / 2);
        double a = sinDLat * sinDLat + cosLat1 * cosLat2 * sinDLon * sinDLon;
        return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(a)));
    }

    private Place() {
    }
}
