-- The coordinators' figures (ADR 15): one row per referral with what the figures group by — month of submission,
-- department the person was in, urgency, the scheme asked for — and whether it ever found no place. Retention
-- (ADR 11) unlinks it from the referral, as it unlinks the placements, which keep pointing at it: the figures
-- outlive the referral, about nobody.
CREATE TABLE outcome (
    id               UUID PRIMARY KEY,
    referral_id      UUID UNIQUE,
    submitted_at     TIMESTAMPTZ NOT NULL,
    urgency          TEXT        NOT NULL,
    department_code  TEXT,
    preferred_scheme TEXT,
    no_match         BOOLEAN     NOT NULL DEFAULT false
);
CREATE INDEX outcome_submitted ON outcome (submitted_at);

ALTER TABLE placement ADD COLUMN outcome_id UUID REFERENCES outcome (id);
-- The first acceptance, which the arrival's decided_at would otherwise overwrite.
ALTER TABLE placement ADD COLUMN accepted_at TIMESTAMPTZ;
CREATE INDEX placement_outcome ON placement (outcome_id);

INSERT INTO outcome (id, referral_id, submitted_at, urgency, department_code, preferred_scheme, no_match)
SELECT gen_random_uuid(), id, submitted_at, urgency,
       left(current_commune_code, CASE WHEN current_commune_code LIKE '97%' THEN 3 ELSE 2 END),
       preferred_scheme, status = 'NO_MATCH'
  FROM referral;
UPDATE placement p SET outcome_id = o.id FROM outcome o WHERE o.referral_id = p.referral_id;
UPDATE placement SET accepted_at = decided_at WHERE status = 'ACCEPTED';
