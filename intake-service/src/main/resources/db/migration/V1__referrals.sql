CREATE TABLE referral (
    id                   UUID PRIMARY KEY,
    organisation_id      TEXT        NOT NULL,
    pseudonym            TEXT        NOT NULL UNIQUE,
    status               TEXT        NOT NULL,
    urgency              TEXT        NOT NULL,
    household            JSONB       NOT NULL,
    needs                JSONB       NOT NULL,
    languages            JSONB       NOT NULL,
    danger_zones         JSONB       NOT NULL,
    current_commune_code TEXT        NOT NULL,
    min_distance_km      INT         NOT NULL,
    submitted_at         TIMESTAMPTZ NOT NULL,
    updated_at           TIMESTAMPTZ NOT NULL
);
CREATE INDEX referral_org_status ON referral (organisation_id, status);

CREATE TABLE referral_status_change (
    id          BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    referral_id UUID        NOT NULL REFERENCES referral (id),
    status      TEXT        NOT NULL,
    at          TIMESTAMPTZ NOT NULL
);
CREATE INDEX referral_status_change_referral ON referral_status_change (referral_id);
