package org.acse.intake.figures;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.acse.common.events.Urgency;
import org.acse.common.figures.Breakdown;
import org.acse.common.figures.ExploitationRow;
import org.acse.common.figures.FigureTable;
import org.acse.common.figures.SmallCells;
import org.acse.platform.figures.FigureRequest.Figures;
import org.hibernate.query.TypedParameterValue;
import org.hibernate.type.StandardBasicTypes;

/**
 * The figures intake knows (ADR 15): the types of exploitation of the referrals submitted. Each submission adds a row
 * that names no referral, so the figures outlive the erasure of its personal data; cut by scheme, the referrals that
 * asked for it.
 */
@ApplicationScoped
public class ReferralFigures {
    @Inject
    EntityManager em;

    /** In the submitting transaction. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void submitted(
            Instant submittedAt,
            String currentCommuneCode,
            Urgency urgency,
            String preferredScheme,
            Collection<? extends Enum<?>> exploitation) {
        em.createNativeQuery("""
                INSERT INTO referral_figure (id, month, department_code, urgency, preferred_scheme, exploitation)
                VALUES (gen_random_uuid(), :month, :department, :urgency, :scheme, CAST(:exploitation AS jsonb))""")
                .setParameter("month", Breakdown.monthOf(submittedAt).atDay(1))
                .setParameter("department", text(Breakdown.departmentOfCommune(currentCommuneCode)))
                .setParameter("urgency", urgency.name())
                .setParameter("scheme", text(preferredScheme))
                .setParameter(
                        "exploitation",
                        exploitation.stream()
                                .map(e -> "\"" + e.name() + "\"")
                                .distinct()
                                .toList()
                                .toString())
                .executeUpdate();
    }

    @Transactional
    @SuppressWarnings("unchecked")
    public FigureTable<ExploitationRow> exploitation(Figures f) {
        String sql =
                "SELECT month, department_code, urgency, jsonb_array_elements_text(exploitation) FROM referral_figure"
                        + (f.scheme() == null ? "" : " WHERE preferred_scheme = :scheme");
        Query query = em.createNativeQuery(sql);
        if (f.scheme() != null) {
            query.setParameter("scheme", f.scheme());
        }
        Map<String, Map<String, Long>> counts = new TreeMap<>();
        for (Object[] row : (List<Object[]>) query.getResultList()) {
            Instant month = YearMonth.from((LocalDate) row[0])
                    .atDay(1)
                    .atStartOfDay(Breakdown.PARIS)
                    .toInstant();
            if (!f.counts(month)) {
                continue;
            }
            String group = f.by().groupOf(month, (String) row[1], Urgency.valueOf((String) row[2]));
            counts.computeIfAbsent(group, g -> new TreeMap<>()).merge((String) row[3], 1L, Long::sum);
        }
        List<ExploitationRow> rows = new ArrayList<>();
        counts.forEach((group, types) ->
                types.forEach((type, n) -> rows.add(new ExploitationRow(group, type, SmallCells.count(n)))));
        return new FigureTable<>(f.by().parameter(), f.scheme(), rows);
    }

    private static TypedParameterValue<String> text(String value) {
        return new TypedParameterValue<>(StandardBasicTypes.STRING, value);
    }
}
