-- The shelter registry. The address is confidential: only coordinators and the shelter's own staff read it.
CREATE TABLE shelter (
    id                    UUID PRIMARY KEY,
    code                  TEXT        NOT NULL UNIQUE,
    name                  TEXT        NOT NULL,
    commune_code          TEXT        NOT NULL,
    address               TEXT        NOT NULL,
    genders               JSONB       NOT NULL,
    families              BOOLEAN     NOT NULL,
    max_children          INT         NOT NULL,
    child_min_age         INT,
    child_max_age         INT,
    wheelchair_accessible BOOLEAN     NOT NULL,
    support               JSONB       NOT NULL,
    languages             JSONB       NOT NULL,
    active                BOOLEAN     NOT NULL,
    created_at            TIMESTAMPTZ NOT NULL,
    updated_at            TIMESTAMPTZ NOT NULL
);

-- A place: one household per unit, up to its capacity. Retired units stay for the history of placements.
CREATE TABLE unit (
    id                UUID PRIMARY KEY,
    shelter_id        UUID        NOT NULL REFERENCES shelter (id),
    position          INT         NOT NULL,
    capacity          INT         NOT NULL CHECK (capacity > 0),
    status            TEXT        NOT NULL,
    available_from    TIMESTAMPTZ,
    last_confirmed_at TIMESTAMPTZ NOT NULL,
    retired           BOOLEAN     NOT NULL DEFAULT false
);
CREATE INDEX unit_shelter ON unit (shelter_id);

-- The matching inputs of a referral, from its submitted event: no identity.
CREATE TABLE referral (
    id                   UUID PRIMARY KEY,
    pseudonym            TEXT        NOT NULL,
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
CREATE INDEX referral_waiting ON referral (submitted_at) WHERE status = 'NO_MATCH';

CREATE TABLE placement (
    id              UUID PRIMARY KEY,
    referral_id     UUID        NOT NULL REFERENCES referral (id),
    shelter_id      UUID        NOT NULL REFERENCES shelter (id),
    unit_id         UUID        NOT NULL REFERENCES unit (id),
    status          TEXT        NOT NULL,
    manual          BOOLEAN     NOT NULL DEFAULT false,
    hold_expires_at TIMESTAMPTZ NOT NULL,
    created_at      TIMESTAMPTZ NOT NULL,
    decided_at      TIMESTAMPTZ,
    decline_reason  TEXT,
    -- Free text from the shelter: stays here, never in an event, a log or a response to anyone else.
    decline_comment TEXT
);
-- The database itself guarantees that a place is never held or given twice, whatever the number of replicas,
-- and that a referral has at most one live placement.
CREATE UNIQUE INDEX placement_one_live_per_unit ON placement (unit_id) WHERE status IN ('HELD', 'ACCEPTED');
CREATE UNIQUE INDEX placement_one_live_per_referral ON placement (referral_id)
    WHERE status IN ('HELD', 'ACCEPTED', 'ARRIVED');
CREATE INDEX placement_referral ON placement (referral_id);
CREATE INDEX placement_shelter ON placement (shelter_id, status);
CREATE INDEX placement_hold_expiry ON placement (hold_expires_at) WHERE status = 'HELD';
