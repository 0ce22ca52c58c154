package org.acse.placement.matching;

import org.acse.common.geo.GeoPoint;

/**
 * A danger zone resolved through the gazetteer: a centre, a radius added to the minimum distance, and the department
 * that is excluded as a whole (for a point, the department of the nearest commune centre).
 */
public record ZoneArea(GeoPoint centre, double radiusKm, String departmentCode) {}
