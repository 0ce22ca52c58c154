-- Erasure on request (ADR 17): why a coordinator erased a referral's personal data before the retention delay.
-- A reason such as "the person asked", never personal data.
ALTER TABLE referral ADD COLUMN erasure_reason TEXT;
