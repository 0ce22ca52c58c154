package org.acse.placement.figures;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.acse.common.events.DeclineReason;
import org.acse.common.events.Urgency;
import org.acse.common.figures.DeclineRow;
import org.acse.common.figures.DelayRow;
import org.acse.common.figures.FigureTable;
import org.acse.common.figures.NoMatchRow;
import org.acse.common.figures.SmallCells;
import org.acse.placement.shelter.Scheme;
import org.acse.platform.figures.FigureRequest.Figures;
import org.acse.platform.problem.ProblemException;

/**
 * The figures placement knows (ADR 15), from the outcome rows and the placements that point at them. A figure about
 * places (delays, declines) cut by a scheme counts the placements in that scheme's shelters; the no-match rate, about
 * referrals that found no shelter, counts the referrals that asked for the scheme.
 */
@ApplicationScoped
public class FigureReads {
    private static final String IN_SCHEME =
            " JOIN shelter s ON s.id = p.shelter_id JOIN scheme sc ON sc.id = s.scheme_id AND sc.code = :scheme";

    @Inject
    EntityManager em;

    private record Group(Instant submittedAt, String departmentCode, Urgency urgency) {}

    @Transactional
    public FigureTable<DelayRow> delays(Figures f) {
        checkScheme(f);
        List<Object[]> rows = rows(
                f,
                "SELECT o.submitted_at, o.department_code, o.urgency, min(p.created_at), min(p.accepted_at),"
                        + " min(CASE WHEN p.status = 'ARRIVED' THEN p.decided_at END)"
                        + " FROM outcome o JOIN placement p ON p.outcome_id = o.id"
                        + (f.scheme() == null ? "" : IN_SCHEME),
                "",
                " GROUP BY o.id");
        Map<String, List<List<Duration>>> byGroup = new TreeMap<>();
        for (Object[] row : rows) {
            Instant submitted = instant(row[0]);
            List<List<Duration>> steps = byGroup.computeIfAbsent(
                    groupOf(f, row), g -> List.of(new ArrayList<>(), new ArrayList<>(), new ArrayList<>()));
            for (int step = 0; step < 3; step++) {
                Instant reached = instant(row[3 + step]);
                if (reached != null) {
                    steps.get(step).add(Duration.between(submitted, reached));
                }
            }
        }
        List<DelayRow> table = new ArrayList<>();
        byGroup.forEach((group, steps) -> table.add(new DelayRow(
                group,
                SmallCells.delay(steps.get(0)),
                SmallCells.delay(steps.get(1)),
                SmallCells.delay(steps.get(2)))));
        return new FigureTable<>(f.by().parameter(), f.scheme(), table);
    }

    @Transactional
    public FigureTable<DeclineRow> declines(Figures f) {
        checkScheme(f);
        List<Object[]> rows = rows(
                f,
                "SELECT o.submitted_at, o.department_code, o.urgency, p.decline_reason"
                        + " FROM outcome o JOIN placement p ON p.outcome_id = o.id"
                        + (f.scheme() == null ? "" : IN_SCHEME),
                " AND p.status = 'DECLINED' AND p.decline_reason IS NOT NULL",
                "");
        Map<String, Map<DeclineReason, Long>> counts = new TreeMap<>();
        for (Object[] row : rows) {
            counts.computeIfAbsent(groupOf(f, row), g -> new TreeMap<>(Comparator.comparing(Enum::ordinal)))
                    .merge(DeclineReason.valueOf((String) row[3]), 1L, Long::sum);
        }
        List<DeclineRow> table = new ArrayList<>();
        counts.forEach((group, reasons) ->
                reasons.forEach((reason, n) -> table.add(new DeclineRow(group, reason, SmallCells.count(n)))));
        return new FigureTable<>(f.by().parameter(), f.scheme(), table);
    }

    @Transactional
    public FigureTable<NoMatchRow> noMatch(Figures f) {
        checkScheme(f);
        List<Object[]> rows = rows(
                f,
                "SELECT o.submitted_at, o.department_code, o.urgency, o.no_match FROM outcome o",
                f.scheme() == null ? "" : " AND o.preferred_scheme = :scheme",
                "");
        Map<String, long[]> counts = new TreeMap<>();
        for (Object[] row : rows) {
            long[] c = counts.computeIfAbsent(groupOf(f, row), g -> new long[2]);
            c[0]++;
            c[1] += Boolean.TRUE.equals(row[3]) ? 1 : 0;
        }
        List<NoMatchRow> table = new ArrayList<>();
        counts.forEach((group, c) -> table.add(
                new NoMatchRow(group, SmallCells.count(c[0]), SmallCells.count(c[1]), SmallCells.percent(c[1], c[0]))));
        return new FigureTable<>(f.by().parameter(), f.scheme(), table);
    }

    /** An unknown scheme is a mistake to name, not an empty figure. */
    private static void checkScheme(Figures f) {
        if (f.scheme() != null && Scheme.byCode(f.scheme()).isEmpty()) {
            throw ProblemException.invalid("scheme", "no scheme of places has this code");
        }
    }

    @SuppressWarnings("unchecked")
    private List<Object[]> rows(Figures f, String select, String conditions, String groupBy) {
        StringBuilder sql = new StringBuilder(select).append(" WHERE true");
        if (f.since() != null) {
            sql.append(" AND o.submitted_at >= :since");
        }
        if (f.until() != null) {
            sql.append(" AND o.submitted_at < :until");
        }
        sql.append(conditions).append(groupBy);
        Query query = em.createNativeQuery(sql.toString());
        if (f.since() != null) {
            query.setParameter("since", f.since());
        }
        if (f.until() != null) {
            query.setParameter("until", f.until());
        }
        if (f.scheme() != null) {
            query.setParameter("scheme", f.scheme());
        }
        return query.getResultList();
    }

    private static String groupOf(Figures f, Object[] row) {
        return f.by().groupOf(instant(row[0]), (String) row[1], Urgency.valueOf((String) row[2]));
    }

    private static Instant instant(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof Instant i) {
            return i;
        }
        return value instanceof OffsetDateTime o ? o.toInstant() : ((Timestamp) value).toInstant();
    }
}
