package org.acse.common.geo;

/** A commune by its INSEE code, with its centre. */
public record Commune(String code, String name, String departmentCode, String regionCode, GeoPoint centre) {}
