-- The change marker of matching's in-memory snapshot (ADR 19): every transaction that commits a change to what the
-- snapshot reads (shelters, units, schemes, placements) adds one to it, so that each replica's periodic refresh
-- reads one number and reloads only when it moved. Only ever increases: a sum that moved is a change committed since.
--
-- Bumped at the commit (deferred constraint triggers), once per transaction: the row lock that orders two bumps is
-- taken last and held only while the transaction commits, so writers never wait on it mid-transaction and a
-- transaction that waits for it asks for no lock after it (no deadlock). Sixteen rows, one per group of connections
-- (by backend pid), so that concurrent commits rarely wait for one another at all.
CREATE TABLE snapshot_version (
    slot    INT    PRIMARY KEY CHECK (slot BETWEEN 0 AND 15),
    version BIGINT NOT NULL
);
INSERT INTO snapshot_version (slot, version) SELECT slot, 0 FROM generate_series(0, 15) AS slot;

-- Runs as whoever wrote (the runtime role may update the marker, as every table of the schema); the table named
-- with its schema, so that a write from a session with another search_path counts too.
CREATE FUNCTION snapshot_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF current_setting('acse.snapshot_changed', true) IS DISTINCT FROM 'on' THEN
        PERFORM set_config('acse.snapshot_changed', 'on', true); -- until the end of this transaction
        UPDATE ${flyway:defaultSchema}.snapshot_version SET version = version + 1 WHERE slot = pg_backend_pid() % 16;
    END IF;
    RETURN NULL;
END;
$$;

CREATE CONSTRAINT TRIGGER shelter_snapshot_changed AFTER INSERT OR UPDATE OR DELETE ON shelter
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION snapshot_changed();
CREATE CONSTRAINT TRIGGER unit_snapshot_changed AFTER INSERT OR UPDATE OR DELETE ON unit
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION snapshot_changed();
CREATE CONSTRAINT TRIGGER scheme_snapshot_changed AFTER INSERT OR UPDATE OR DELETE ON scheme
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION snapshot_changed();
CREATE CONSTRAINT TRIGGER placement_snapshot_changed AFTER INSERT OR UPDATE OR DELETE ON placement
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION snapshot_changed();

-- A constraint trigger cannot watch TRUNCATE: a statement trigger does (it holds the table's exclusive lock anyway).
CREATE TRIGGER shelter_snapshot_truncated AFTER TRUNCATE ON shelter
    FOR EACH STATEMENT EXECUTE FUNCTION snapshot_changed();
CREATE TRIGGER unit_snapshot_truncated AFTER TRUNCATE ON unit
    FOR EACH STATEMENT EXECUTE FUNCTION snapshot_changed();
CREATE TRIGGER scheme_snapshot_truncated AFTER TRUNCATE ON scheme
    FOR EACH STATEMENT EXECUTE FUNCTION snapshot_changed();
CREATE TRIGGER placement_snapshot_truncated AFTER TRUNCATE ON placement
    FOR EACH STATEMENT EXECUTE FUNCTION snapshot_changed();
