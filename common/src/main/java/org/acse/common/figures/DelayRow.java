package org.acse.common.figures;

/** From submission to the first proposal, the first acceptance and the arrival, for one group of referrals. */
public record DelayRow(String group, Delay toProposal, Delay toAcceptance, Delay toArrival) {}
