-- Schemes of places (dispositifs): a named group of shelters that works as one, e.g. the Destiny scheme in the
-- Alpes-Maritimes and the Var. Its places are those of its shelters' units, computed, never stored.
CREATE TABLE scheme (
    id          UUID PRIMARY KEY,
    code        TEXT        NOT NULL UNIQUE,
    name        TEXT        NOT NULL,
    description TEXT        NOT NULL,
    created_at  TIMESTAMPTZ NOT NULL,
    updated_at  TIMESTAMPTZ NOT NULL
);

-- A shelter belongs to at most one scheme: one column.
ALTER TABLE shelter ADD COLUMN scheme_id UUID REFERENCES scheme (id);
CREATE INDEX shelter_scheme ON shelter (scheme_id) WHERE scheme_id IS NOT NULL;

-- The scheme a partner asked for (its code, as the referral event gave it): a soft preference of the ranking.
ALTER TABLE referral ADD COLUMN preferred_scheme TEXT;
