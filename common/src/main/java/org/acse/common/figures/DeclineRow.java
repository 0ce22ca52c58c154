package org.acse.common.figures;

import org.acse.common.events.DeclineReason;

/** How many proposals of a group of referrals shelters declined for one reason. */
public record DeclineRow(String group, DeclineReason reason, Cell declines) {}
