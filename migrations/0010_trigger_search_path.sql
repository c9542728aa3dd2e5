-- The invoice triggers of 0005 name their tables without a schema, so they resolved them through the session's
-- search_path, where a session's temporary tables come first: with `CREATE TEMPORARY TABLE invoices (…)` holding no
-- final invoice, a role allowed to insert invoice lines could add lines to a final invoice. Every trigger function now
-- has a fixed search_path, temporary schema last (0009's functions were created with one).
ALTER FUNCTION invoices_refuse_final_change() SET search_path = pg_catalog, public, pg_temp;
ALTER FUNCTION invoice_lines_refuse_final_change() SET search_path = pg_catalog, public, pg_temp;
ALTER FUNCTION invoicing_refuse_rewrite() SET search_path = pg_catalog, public, pg_temp;

-- And the refusal says what is refused, not which command to run (the library's errors carry their remedies; a
-- trigger's message reaches users of any front end). Replacing the function keeps its search_path only if it is
-- given again.
CREATE OR REPLACE FUNCTION invoices_refuse_final_change() RETURNS trigger LANGUAGE plpgsql
SET search_path = pg_catalog, public, pg_temp AS $$
BEGIN
    IF OLD.status = 'final' THEN
        RAISE EXCEPTION 'invoice % is final and cannot be %; a correction is issued as an adjustment memo',
            OLD.number, CASE TG_OP WHEN 'DELETE' THEN 'deleted' ELSE 'changed' END
            USING ERRCODE = 'integrity_constraint_violation';
    END IF;
    RETURN CASE TG_OP WHEN 'DELETE' THEN OLD ELSE NEW END;
END
$$;
