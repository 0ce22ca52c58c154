package org.acse.common.figures;

import java.util.List;

/**
 * A figure as the services answer it: how its referrals are grouped ({@code by}: {@code month}, {@code region},
 * {@code urgency}), the scheme of places it is cut by (null: all), and its rows, ordered by group.
 */
public record FigureTable<R>(String by, String scheme, List<R> rows) {
    public FigureTable {
        rows = List.copyOf(rows);
    }
}
