-- Retention (ADR 11): once a closed referral's delay has passed, its copy here is deleted and its placements stay
-- for the figures (shelter, status, reasons, dates) without the link to the referral.
ALTER TABLE placement ALTER COLUMN referral_id DROP NOT NULL;
CREATE INDEX referral_closed ON referral (updated_at) WHERE status IN ('ARRIVED', 'WITHDRAWN');
