package org.acse.common.figures;

/**
 * Of a group's referrals, how many found no place at least once (a no-match), and that share in percent (null when
 * either count is suppressed).
 */
public record NoMatchRow(String group, Cell referrals, Cell noMatch, Double percent) {}
