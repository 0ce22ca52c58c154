-- The decision loop (ADR 9): a referral tracks every proposal still open (parallel offers may hold several) and the
-- placement accepted or arrived at, with its shelter, whose staff may read the identity while it lasts.
ALTER TABLE referral
    ADD COLUMN open_placement_ids    UUID[] NOT NULL DEFAULT '{}',
    ADD COLUMN accepted_placement_id UUID;

-- The single "current placement" said which: a proposal while PROPOSED, the acceptance once ACCEPTED or ARRIVED.
UPDATE referral SET open_placement_ids = ARRAY[current_placement_id]
 WHERE status = 'PROPOSED' AND current_placement_id IS NOT NULL;
UPDATE referral SET accepted_placement_id = current_placement_id
 WHERE status IN ('ACCEPTED', 'ARRIVED') AND current_placement_id IS NOT NULL;

ALTER TABLE referral DROP COLUMN current_placement_id;

-- Coordinators see, on a referral, the newer ones that may be the same person.
CREATE INDEX referral_possible_duplicate_of ON referral (possible_duplicate_of) WHERE possible_duplicate_of IS NOT NULL;
