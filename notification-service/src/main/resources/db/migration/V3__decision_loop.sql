-- A possible duplicate links the open referral that seems to be for the same person.
ALTER TABLE alert ADD COLUMN related_referral_id UUID;

-- One alert per placement and kind: the team's proposal, and the coordinators' no-show of the same placement.
DROP INDEX alert_one_per_placement;
CREATE UNIQUE INDEX alert_one_per_placement ON alert (placement_id, kind) WHERE placement_id IS NOT NULL;

-- No-match alerts now escalate when nobody acknowledges them: those already waiting are due after the default delay.
UPDATE alert SET ack_due_at = created_at + interval '30 minutes'
 WHERE kind = 'NO_MATCH' AND status = 'OPEN' AND ack_due_at IS NULL;
