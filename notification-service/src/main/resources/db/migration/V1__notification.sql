-- Where alerts go: per shelter, per partner organisation, and the coordinators' channel.
-- The webhook secret is write-only through the API.
CREATE TABLE channel_setting (
    owner_type     TEXT        NOT NULL,
    owner_id       TEXT        NOT NULL,
    emails         JSONB       NOT NULL DEFAULT '[]',
    webhook_url    TEXT,
    webhook_secret TEXT,
    updated_at     TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (owner_type, owner_id)
);

-- Which organisation referred whom, so status updates reach it (from referral.submitted).
CREATE TABLE referral_origin (
    referral_id     UUID PRIMARY KEY,
    organisation_id TEXT        NOT NULL,
    pseudonym       TEXT        NOT NULL,
    urgency         TEXT        NOT NULL,
    status          TEXT        NOT NULL,
    updated_at      TIMESTAMPTZ NOT NULL
);

-- One alert per proposal (to the receiving shelter) or per no-match (to coordinators). No identity.
CREATE TABLE alert (
    id               UUID PRIMARY KEY,
    kind             TEXT        NOT NULL,
    status           TEXT        NOT NULL,
    referral_id      UUID        NOT NULL,
    placement_id     UUID,
    shelter_id       UUID,
    pseudonym        TEXT        NOT NULL,
    household        JSONB,
    needs            JSONB,
    languages        JSONB       NOT NULL DEFAULT '[]',
    urgency          TEXT        NOT NULL,
    arrival_from     TIMESTAMPTZ,
    arrival_until    TIMESTAMPTZ,
    hold_expires_at  TIMESTAMPTZ,
    created_at       TIMESTAMPTZ NOT NULL,
    updated_at       TIMESTAMPTZ NOT NULL,
    ack_due_at       TIMESTAMPTZ,
    acknowledged_at  TIMESTAMPTZ,
    acknowledged_by  TEXT,
    escalated_at     TIMESTAMPTZ
);
CREATE UNIQUE INDEX alert_one_per_placement ON alert (placement_id) WHERE placement_id IS NOT NULL;
CREATE INDEX alert_shelter ON alert (shelter_id, created_at DESC);
CREATE INDEX alert_referral ON alert (referral_id);
CREATE INDEX alert_ack_due ON alert (ack_due_at) WHERE acknowledged_at IS NULL AND escalated_at IS NULL;

-- Every attempt to reach someone on a channel: e-mail or webhook, to a shelter, an organisation or coordinators.
CREATE TABLE delivery (
    id              UUID PRIMARY KEY,
    alert_id        UUID REFERENCES alert (id),
    referral_id     UUID,
    recipient_type  TEXT        NOT NULL,
    recipient_id    TEXT        NOT NULL,
    channel         TEXT        NOT NULL,
    event_type      TEXT        NOT NULL,
    payload         TEXT        NOT NULL,
    status          TEXT        NOT NULL,
    attempts        INT         NOT NULL DEFAULT 0,
    created_at      TIMESTAMPTZ NOT NULL,
    next_attempt_at TIMESTAMPTZ NOT NULL,
    last_attempt_at TIMESTAMPTZ,
    delivered_at    TIMESTAMPTZ,
    last_error      TEXT
);
CREATE INDEX delivery_due ON delivery (next_attempt_at) WHERE status = 'PENDING';
CREATE INDEX delivery_alert ON delivery (alert_id);
CREATE INDEX delivery_status ON delivery (status, created_at DESC);
