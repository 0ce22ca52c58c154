package org.acse.common.figures;

/**
 * How long the referrals of a group took to reach a step: how many reached it, the median and the 90th percentile
 * in minutes. The durations are null when the count is suppressed: a median of three people is about them.
 */
public record Delay(Cell referrals, Long medianMinutes, Long p90Minutes) {}
