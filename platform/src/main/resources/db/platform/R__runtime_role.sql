-- The service runs as ${runtime_role}, not as the owner of its schema that runs these migrations: it reads and
-- writes its tables, may only add to and read the audit log, and can change no table, trigger or grant. Run again
-- after every migration that changes this file or its placeholders; tables made later get the same grants by default.
-- Nothing to do when one role does both (a deployment that did not separate them).
DO $runtime$
DECLARE
    app    TEXT := '${runtime_role}';
    schema TEXT := '${flyway:defaultSchema}';
BEGIN
    IF app = current_user THEN
        RETURN;
    END IF;
    IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = app) THEN
        -- Local and test servers only (the migration runs as a superuser there); production creates the role, with
        -- its own password, before the first deployment.
        BEGIN
            EXECUTE format('CREATE ROLE %I LOGIN', app);
        EXCEPTION WHEN duplicate_object OR unique_violation THEN
            NULL; -- another database of the same server made it meanwhile
        END;
    END IF;
    EXECUTE format('GRANT USAGE ON SCHEMA %I TO %I', schema, app);
    EXECUTE format('GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA %I TO %I', schema, app);
    EXECUTE format('GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA %I TO %I', schema, app);
    EXECUTE format('ALTER DEFAULT PRIVILEGES IN SCHEMA %I GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO %I',
                   schema, app);
    EXECUTE format('ALTER DEFAULT PRIVILEGES IN SCHEMA %I GRANT USAGE, SELECT ON SEQUENCES TO %I', schema, app);
    -- The audit log: append and read, nothing else (its trigger refuses the rest to the owner too).
    EXECUTE format('REVOKE UPDATE, DELETE, TRUNCATE ON %I.audit_log FROM %I', schema, app);
    -- Which migrations ran is the owner's business.
    EXECUTE format('REVOKE ALL ON %I.flyway_schema_history FROM %I', schema, app);
END
$runtime$;
