-- The invoice triggers of 0005 name their tables without a schema, so they resolved them through the session's
-- search_path, where a session's temporary tables come first: with `CREATE TEMPORARY TABLE invoices (…)` holding no
-- final invoice, a role allowed to insert invoice lines could add lines to a final invoice. Every trigger function now
-- has a fixed search_path, temporary schema last (0009's functions were created with one).
ALTER FUNCTION invoices_refuse_final_change() SET search_path = pg_catalog, public, pg_temp;
ALTER FUNCTION invoice_lines_refuse_final_change() SET search_path = pg_catalog, public, pg_temp;
ALTER FUNCTION invoicing_refuse_rewrite() SET search_path = pg_catalog, public, pg_temp;
