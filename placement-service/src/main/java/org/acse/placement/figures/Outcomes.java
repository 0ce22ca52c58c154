package org.acse.placement.figures;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.acse.common.events.Urgency;
import org.acse.common.figures.Breakdown;
import org.hibernate.query.TypedParameterValue;
import org.hibernate.type.StandardBasicTypes;

/**
 * Keeps each referral's row of the figures, in the transaction of what it records: its submission, a no-match, and,
 * at retention, the end of its link to the referral. Placements point at it when they are inserted.
 */
@ApplicationScoped
public class Outcomes {
    @Inject
    EntityManager em;

    @Transactional(Transactional.TxType.MANDATORY)
    public void submitted(
            UUID referralId, Instant submittedAt, Urgency urgency, String currentCommuneCode, String scheme) {
        em.createNativeQuery("""
                INSERT INTO outcome (id, referral_id, submitted_at, urgency, department_code, preferred_scheme)
                VALUES (:id, :referral, :at, :urgency, :department, :scheme) ON CONFLICT DO NOTHING""")
                .setParameter("id", UUID.randomUUID())
                .setParameter("referral", referralId)
                .setParameter("at", submittedAt)
                .setParameter("urgency", urgency.name())
                .setParameter("department", text(Breakdown.departmentOfCommune(currentCommuneCode)))
                .setParameter("scheme", text(scheme))
                .executeUpdate();
    }

    /** A value that may be null, typed for the database. */
    private static TypedParameterValue<String> text(String value) {
        return new TypedParameterValue<>(StandardBasicTypes.STRING, value);
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void noMatch(UUID referralId) {
        em.createNativeQuery("UPDATE outcome SET no_match = true WHERE referral_id = :referral")
                .setParameter("referral", referralId)
                .executeUpdate();
    }

    /** Retention: the rows of these referrals (a native subquery on {@code referral.id}) are about nobody now. */
    @Transactional(Transactional.TxType.MANDATORY)
    public int unlink(String referralIds, Map<String, Object> parameters) {
        Query query = em.createNativeQuery(
                "UPDATE outcome SET referral_id = NULL WHERE referral_id IN (" + referralIds + ")");
        parameters.forEach(query::setParameter);
        return query.executeUpdate();
    }
}
