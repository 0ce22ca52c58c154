-- The decision loop: backing out, no-shows, parallel offers, arrival logistics, duplicates awaiting a decision.

ALTER TABLE referral ADD COLUMN organisation_id TEXT;
ALTER TABLE referral ADD COLUMN possible_duplicate_of UUID;
CREATE INDEX referral_awaiting_decision ON referral (submitted_at) WHERE status = 'AWAITING_DECISION';

ALTER TABLE placement ADD COLUMN cancellation TEXT;
ALTER TABLE placement ADD COLUMN arrival_from TIMESTAMPTZ;
ALTER TABLE placement ADD COLUMN arrival_until TIMESTAMPTZ;
-- Where and when the team meets the person (never the shelter's address), encrypted at rest.
ALTER TABLE placement ADD COLUMN meeting_point_ciphertext BYTEA;
ALTER TABLE placement ADD COLUMN meeting_point_key_id TEXT;
-- The shelter's free text on a decline or back-out, encrypted at rest; the clear column goes.
ALTER TABLE placement ADD COLUMN comment_ciphertext BYTEA;
ALTER TABLE placement ADD COLUMN comment_key_id TEXT;
ALTER TABLE placement DROP COLUMN decline_comment;

-- Parallel offers: several holds for one referral, in different shelters, but it is given at most once.
DROP INDEX placement_one_live_per_referral;
CREATE UNIQUE INDEX placement_one_given_per_referral ON placement (referral_id)
    WHERE status IN ('ACCEPTED', 'ARRIVED');
CREATE UNIQUE INDEX placement_one_hold_per_referral_and_shelter ON placement (referral_id, shelter_id)
    WHERE status = 'HELD';
CREATE INDEX placement_arrival_due ON placement (arrival_until) WHERE status = 'ACCEPTED';
