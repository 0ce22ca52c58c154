package org.acse.placement.matching;

/**
 * Great-circle distances without trigonometry in the loop: each point carries the sines and cosines of its latitude
 * and longitude, so the haversine term {@code a} of two points is a few multiplications (same formula and Earth
 * radius as {@link org.acse.common.geo.GeoPoint#distanceKm}). "Closer than d" compares {@code a} with
 * {@link #haversineLimit(double)}; kilometres are computed only for places that are kept.
 */
final class Place {
    static final double EARTH_RADIUS_KM = 6371.0088;

    final double sinLat;
    final double cosLat;
    final double sinLon;
    final double cosLon;

    Place(double latDegrees, double lonDegrees) {
        double lat = Math.toRadians(latDegrees);
        double lon = Math.toRadians(lonDegrees);
        sinLat = Math.sin(lat);
        cosLat = Math.cos(lat);
        sinLon = Math.sin(lon);
        cosLon = Math.cos(lon);
    }

    /** hav(Δφ) + cos φ1 cos φ2 hav(Δλ), with hav(x) = (1 − cos x) / 2 and cos(x − y) expanded. */
    double haversine(Place o) {
        double havLat = (1 - (cosLat * o.cosLat + sinLat * o.sinLat)) / 2;
        double havLon = (1 - (cosLon * o.cosLon + sinLon * o.sinLon)) / 2;
        return Math.max(0, havLat + cosLat * o.cosLat * havLon);
    }

    /** {@link #haversine(Place)} with the other point given by its precomputed sines and cosines. */
    double haversine(double oSinLat, double oCosLat, double oSinLon, double oCosLon) {
        double havLat = (1 - (cosLat * oCosLat + sinLat * oSinLat)) / 2;
        double havLon = (1 - (cosLon * oCosLon + sinLon * oSinLon)) / 2;
        return Math.max(0, havLat + cosLat * oCosLat * havLon);
    }

    static double kilometres(double haversine) {
        return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(haversine)));
    }

    double distanceKm(Place o) {
        return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(haversine(o))));
    }

    /** The haversine term of a distance: {@code distance < km} exactly when {@code haversine < limit(km)}. */
    static double haversineLimit(double km) {
        double half = Math.min(Math.PI / 2, km / (2 * EARTH_RADIUS_KM));
        double s = Math.sin(half);
        return s * s;
    }
}
