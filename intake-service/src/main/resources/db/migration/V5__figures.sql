-- The coordinators' figures (ADR 15): at submission, a row with the month (Paris time), the department the person
-- was in, the urgency, the scheme asked for and the types of exploitation. It names no referral (a random id, no
-- time finer than the month), so retention (ADR 11) has nothing to erase from it.
CREATE TABLE referral_figure (
    id               UUID PRIMARY KEY,
    month            DATE  NOT NULL,
    department_code  TEXT,
    urgency          TEXT  NOT NULL,
    preferred_scheme TEXT,
    exploitation     JSONB NOT NULL
);
CREATE INDEX referral_figure_month ON referral_figure (month);

INSERT INTO referral_figure (id, month, department_code, urgency, exploitation)
SELECT gen_random_uuid(), date_trunc('month', submitted_at AT TIME ZONE 'Europe/Paris')::date,
       coalesce(department_code,
                left(current_commune_code, CASE WHEN current_commune_code LIKE '97%' THEN 3 ELSE 2 END)),
       urgency, exploitation
  FROM referral;
