package org.acse.web.coordinator;

import java.text.NumberFormat;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import org.acse.common.figures.Breakdown;
import org.acse.common.figures.Cell;
import org.acse.common.geo.Gazetteer;
import org.acse.common.geo.Region;
import org.acse.web.i18n.Words;

/**
 * A figure's codes and numbers in words: a month by its name, a region by its name, an urgency, a suppressed cell
 * as "fewer than 5" (never the number), a delay in days, hours and minutes, a share in percent.
 */
final class FigureWords {
    private final Words w;
    private final CoordMsg coord;

    FigureWords(Words w) {
        this.w = w;
        this.coord = CoordTexts.of(w.locale());
    }

    String group(String by, String code) {
        if ("region".equals(by)) {
            return Breakdown.UNKNOWN_REGION.equals(code)
                    ? coord.figureUnknownRegion()
                    : Gazetteer.france().region(code).map(Region::name).orElse(code);
        }
        if ("urgency".equals(by)) {
            return w.urgency(code);
        }
        try {
            return DateTimeFormatter.ofPattern("LLLL yyyy", w.locale()).format(YearMonth.parse(code));
        } catch (DateTimeParseException e) {
            return code;
        }
    }

    String cell(Cell cell) {
        if (cell == null || cell.suppressed()) {
            return coord.figureFewerThanFive();
        }
        return NumberFormat.getIntegerInstance(w.locale()).format(cell.value());
    }

    /** "2 j 4 h", "3 h 05", "12 min"; a dash when the count is suppressed. */
    String minutes(Long minutes) {
        if (minutes == null) {
            return "—";
        }
        long days = minutes / (24 * 60);
        long hours = minutes / 60 % 24;
        long mins = minutes % 60;
        if (days > 0) {
            return coord.figureDaysHours((int) days, (int) hours);
        }
        if (hours > 0) {
            return coord.figureHoursMinutes((int) hours, String.format("%02d", mins));
        }
        return coord.figureMinutes((int) mins);
    }

    String percent(Double percent) {
        if (percent == null) {
            return "—";
        }
        NumberFormat f = NumberFormat.getPercentInstance(w.locale());
        f.setMaximumFractionDigits(1);
        return f.format(percent / 100);
    }
}
