-- Personal data is only ever stored encrypted (AES-GCM, key id beside each ciphertext so keys can rotate), and
-- erased a configurable time after the referral is closed.
ALTER TABLE referral
    ADD COLUMN exploitation                 JSONB NOT NULL DEFAULT '[]',
    ADD COLUMN identity_ciphertext          BYTEA,
    ADD COLUMN identity_key_id              TEXT,
    ADD COLUMN notes_ciphertext             BYTEA,
    ADD COLUMN notes_key_id                 TEXT,
    ADD COLUMN withdrawal_reason_ciphertext BYTEA,
    ADD COLUMN withdrawal_reason_key_id     TEXT,
    ADD COLUMN duplicate_fingerprint        TEXT,
    ADD COLUMN possible_duplicate_of        UUID,
    ADD COLUMN consent_recorded_at          TIMESTAMPTZ,
    ADD COLUMN current_placement_id         UUID,
    ADD COLUMN accepted_shelter_id          UUID,
    ADD COLUMN last_event_at                TIMESTAMPTZ,
    ADD COLUMN closed_at                    TIMESTAMPTZ,
    ADD COLUMN personal_data_erased_at      TIMESTAMPTZ;
CREATE INDEX referral_duplicate_fingerprint ON referral (duplicate_fingerprint) WHERE duplicate_fingerprint IS NOT NULL;
CREATE INDEX referral_awaiting_erasure ON referral (closed_at) WHERE personal_data_erased_at IS NULL;
CREATE INDEX referral_status_submitted ON referral (status, submitted_at);

-- Idempotency-Key per organisation: the key is claimed in the submitting transaction (the referral row follows in
-- the same transaction, hence the deferred reference).
CREATE TABLE idempotency_key (
    scope           TEXT        NOT NULL,
    idempotency_key TEXT        NOT NULL,
    request_hash    TEXT        NOT NULL,
    referral_id     UUID        NOT NULL REFERENCES referral (id) DEFERRABLE INITIALLY DEFERRED,
    created_at      TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (scope, idempotency_key)
);
CREATE INDEX idempotency_key_created ON idempotency_key (created_at);
