package org.acse.intake.referral;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.UUID;

/**
 * Erases a closed referral's personal data and keeps only what the figures need (ADR 11): organisation, pseudonym,
 * status and timeline, urgency, dates, the department of the current location and the household's size. The
 * retention erases this way after the delay, a coordinator at once on request (ADR 17): one statement for both.
 */
@ApplicationScoped
public class PersonalDataErasure {
    // INSEE codes: a commune's department is its first two characters, three overseas (97x).
    private static final String ERASE = """
            UPDATE referral SET identity_ciphertext = NULL, identity_key_id = NULL,
                   notes_ciphertext = NULL, notes_key_id = NULL,
                   withdrawal_reason_ciphertext = NULL, withdrawal_reason_key_id = NULL,
                   duplicate_fingerprint = NULL, possible_duplicate_of = NULL,
                   household_size = 1 + jsonb_array_length(COALESCE(household -> 'childrenAges', '[]')),
                   household = NULL, needs = NULL, languages = '[]', exploitation = '[]', danger_zones = '[]',
                   department_code = left(current_commune_code,
                                          CASE WHEN current_commune_code LIKE '97%' THEN 3 ELSE 2 END),
                   current_commune_code = NULL,
                   open_placement_ids = '{}', accepted_placement_id = NULL, accepted_shelter_id = NULL,
                   personal_data_erased_at = :now
             WHERE closed_at IS NOT NULL AND personal_data_erased_at IS NULL AND\s""";

    @Inject
    EntityManager entityManager;

    /** Retention: every referral closed at or before {@code cutoff}. Returns how many were erased. */
    @Transactional(Transactional.TxType.MANDATORY)
    public int closedBefore(Instant cutoff, Instant now) {
        return entityManager
                .createNativeQuery(ERASE + "closed_at <= :cutoff")
                .setParameter("now", now)
                .setParameter("cutoff", cutoff)
                .executeUpdate();
    }

    /** On request: this referral now, once it is closed; nothing if it is open or already erased. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void referral(UUID id, Instant now) {
        entityManager
                .createNativeQuery(ERASE + "id = :id")
                .setParameter("now", now)
                .setParameter("id", id)
                .executeUpdate();
    }
}
