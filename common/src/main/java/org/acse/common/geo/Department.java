package org.acse.common.geo;

/** A department by its INSEE code, with its IGN geographic centre. */
public record Department(String code, String name, String regionCode, GeoPoint centre) {}
