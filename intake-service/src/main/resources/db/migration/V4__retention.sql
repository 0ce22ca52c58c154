-- Retention (ADR 11): once a referral's personal data is erased, what stays is coarse and unlinkable: the department
-- the person was in and the size of the household, for the figures; the profile columns go empty.
ALTER TABLE referral
    ADD COLUMN department_code TEXT,
    ADD COLUMN household_size  INT,
    -- Closed by the suite after a long time without any change of status, not by a person.
    ADD COLUMN auto_closed     BOOLEAN NOT NULL DEFAULT false,
    ALTER COLUMN household DROP NOT NULL,
    ALTER COLUMN needs DROP NOT NULL,
    ALTER COLUMN current_commune_code DROP NOT NULL;

-- Open referrals are looked up by their last change of status.
CREATE INDEX referral_status_change_latest ON referral_status_change (referral_id, at DESC);
CREATE INDEX referral_open ON referral (id) WHERE closed_at IS NULL;
