package org.acse.common.geo;

public record Region(String code, String name) {}
