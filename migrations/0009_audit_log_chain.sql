-- The audit log becomes append-only and hash-chained.
--
-- Append-only: triggers refuse UPDATE, DELETE and TRUNCATE of `audit_log` (as 0005 does for final invoices), for
-- every role, the owner included; the application's role has no UPDATE, DELETE or TRUNCATE privilege on it either
-- (README, "Security model"). An owner or superuser can still switch triggers off; the chain makes what they then
-- change visible (`allot audit verify`).
--
-- The chain: every entry stores the hash of the entry before it (`previous_hash`; the first entry: 64 zeros) and
-- `hash` = lowercase hex of SHA-256(the 32 bytes of `previous_hash` || the entry's content bytes), where the
-- content bytes are the UTF-8 encoding of these ten fields in this order, each written as `<n>:<text>` (n = the
-- text's length in UTF-8 bytes, in decimal) or as `-` when the field is NULL:
--   id                decimal
--   at                UTC, microseconds: 2026-10-03T12:00:00.500000Z
--   actor             as stored
--   token_id          decimal
--   action            as stored
--   parameters        the jsonb's text as PostgreSQL prints it (`parameters::text`: shorter keys first, ", " and ": ")
--   client_address    as stored
--   outcome           as stored
--   status            decimal
--   request_id        as stored
-- e.g. `1:127:2026-10-03T12:00:00.500000Z7:cli:ana-13:tokens create32:{"name": "ops", "role": "admin"}-7:success--`.
--
-- One chain, whatever the concurrency: the insert trigger locks the single row of `audit_log_head` (the last id and
-- hash) until its transaction ends, and only then numbers the entry (the id column has no default), so ids, chain
-- order and commit order agree. The head also shows when entries were cut off the end of the log. Entries that exist
-- now are chained below.

ALTER TABLE audit_log ADD COLUMN previous_hash text, ADD COLUMN hash text;

CREATE FUNCTION audit_log_field(value text) RETURNS text LANGUAGE sql IMMUTABLE
    SET search_path = pg_catalog, pg_temp
    AS $$ SELECT CASE WHEN value IS NULL THEN '-' ELSE octet_length(convert_to(value, 'UTF8')) || ':' || value END $$;

CREATE FUNCTION audit_log_content(entry audit_log) RETURNS bytea LANGUAGE sql STABLE
    SET search_path = pg_catalog, public, pg_temp
    AS $$
    SELECT convert_to(
        audit_log_field(entry.id::text)
        || audit_log_field(to_char(entry.at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'))
        || audit_log_field(entry.actor)
        || audit_log_field(entry.token_id::text)
        || audit_log_field(entry.action)
        || audit_log_field(entry.parameters::text)
        || audit_log_field(entry.client_address)
        || audit_log_field(entry.outcome)
        || audit_log_field(entry.status::text)
        || audit_log_field(entry.request_id),
        'UTF8')
    $$;

CREATE FUNCTION audit_log_hash(previous_hash text, entry audit_log) RETURNS text LANGUAGE sql STABLE
    SET search_path = pg_catalog, public, pg_temp
    AS $$ SELECT encode(sha256(decode(previous_hash, 'hex') || audit_log_content(entry)), 'hex') $$;

-- The end of the chain: one row.
CREATE TABLE audit_log_head (
    singleton  boolean PRIMARY KEY DEFAULT true CHECK (singleton),
    -- The last entry's id; NULL while the log is empty.
    last_id    bigint,
    last_hash  text NOT NULL CHECK (last_hash ~ '^[0-9a-f]{64}$')
);

-- Chain the entries written before this migration, in id order.
DO $$
DECLARE
    entry audit_log;
    previous text := repeat('0', 64);
    last bigint;
BEGIN
    FOR entry IN SELECT * FROM audit_log ORDER BY id LOOP
        UPDATE audit_log SET previous_hash = previous, hash = audit_log_hash(previous, entry) WHERE id = entry.id
            RETURNING hash INTO previous;
        last := entry.id;
    END LOOP;
    INSERT INTO audit_log_head (last_id, last_hash) VALUES (last, previous);
END
$$;

ALTER TABLE audit_log
    ALTER COLUMN previous_hash SET NOT NULL,
    ALTER COLUMN hash SET NOT NULL,
    ADD CHECK (previous_hash ~ '^[0-9a-f]{64}$'),
    ADD CHECK (hash ~ '^[0-9a-f]{64}$');

-- Runs as the owner (SECURITY DEFINER), so the application's role needs no privilege on the head; the fixed
-- search_path keeps a session's temporary tables from standing in for the head.
CREATE FUNCTION audit_log_chain_entry() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER
    SET search_path = pg_catalog, public, pg_temp
    AS $$
DECLARE
    head audit_log_head;
BEGIN
    SELECT * INTO STRICT head FROM audit_log_head FOR UPDATE;
    NEW.id := nextval(pg_get_serial_sequence('public.audit_log', 'id'));
    NEW.previous_hash := head.last_hash;
    NEW.hash := audit_log_hash(head.last_hash, NEW);
    UPDATE audit_log_head SET last_id = NEW.id, last_hash = NEW.hash;
    RETURN NEW;
END
$$;
CREATE TRIGGER audit_log_chained BEFORE INSERT ON audit_log
    FOR EACH ROW EXECUTE FUNCTION audit_log_chain_entry();
-- The trigger numbers the entries (under the lock), so the column's default would only burn a number per entry.
ALTER TABLE audit_log ALTER COLUMN id DROP DEFAULT;

CREATE FUNCTION audit_log_refuse_rewrite() RETURNS trigger LANGUAGE plpgsql
    SET search_path = pg_catalog, pg_temp
    AS $$
BEGIN
    RAISE EXCEPTION '% of % is not allowed: the audit log is append-only', TG_OP, TG_TABLE_NAME
        USING ERRCODE = 'integrity_constraint_violation';
END
$$;
CREATE TRIGGER audit_log_is_append_only BEFORE UPDATE OR DELETE ON audit_log
    FOR EACH ROW EXECUTE FUNCTION audit_log_refuse_rewrite();
CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log
    FOR EACH STATEMENT EXECUTE FUNCTION audit_log_refuse_rewrite();
CREATE TRIGGER audit_log_head_stays BEFORE DELETE ON audit_log_head
    FOR EACH ROW EXECUTE FUNCTION audit_log_refuse_rewrite();
CREATE TRIGGER audit_log_head_no_truncate BEFORE TRUNCATE ON audit_log_head
    FOR EACH STATEMENT EXECUTE FUNCTION audit_log_refuse_rewrite();
