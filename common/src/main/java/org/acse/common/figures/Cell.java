package org.acse.common.figures;

/**
 * One count of a figure: {@code value}, or, when it counts fewer than {@link SmallCells#THRESHOLD} referrals,
 * {@code suppressed} and no value (shown as "fewer than 5", never the number).
 */
public record Cell(Long value, boolean suppressed) {
    public Cell {
        if (suppressed == (value != null)) {
            throw new IllegalArgumentException("a cell has a value or is suppressed");
        }
    }
}
