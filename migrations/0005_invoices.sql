-- Invoices per business unit: documents, their lines, adjustment memos, period closes and gap-free numbering.
--
-- Drafts are computed from the current allocation run whenever they are asked for and are not stored. Closing a
-- period (`allot close`) stores one final invoice per invoiced BU; a later restatement is issued as adjustment
-- documents (credit or debit memos) that reference the invoice, never by changing it. A final document and its
-- lines can be neither updated nor deleted (triggers below), and the tables cannot be truncated.

-- The last number issued per year of issue: ALLOT-<year>-<last, 6 digits>. A close reserves its numbers by
-- updating this row in its own transaction, so numbers are consecutive and a failed close leaves no gap; two
-- closes at once queue on the row lock.
CREATE TABLE invoice_sequences (
    year  integer PRIMARY KEY CHECK (year BETWEEN 1 AND 9999),
    last  integer NOT NULL CHECK (last BETWEEN 0 AND 999999)
);

-- One row per closed period: the run its invoices came from.
CREATE TABLE invoice_closes (
    billing_period  date PRIMARY KEY CHECK (extract(day FROM billing_period) = 1),
    run_id          bigint NOT NULL REFERENCES allocation_runs (id),
    closed_by       text NOT NULL,
    closed_at       timestamptz NOT NULL DEFAULT now()
);

-- Invoices and memos. `document` is the JSON document exactly as exported (schemas/invoice.schema.json); the CSV
-- and HTML renderings issued with it are kept too, so an export of a final document is the same bytes forever.
CREATE TABLE invoices (
    id                bigserial PRIMARY KEY,
    number            text UNIQUE CHECK (number ~ '^ALLOT-[0-9]{4}-[0-9]{6}$'),
    kind              text NOT NULL CHECK (kind IN ('invoice', 'credit-memo', 'debit-memo')),
    status            text NOT NULL CHECK (status IN ('draft', 'final')),
    billing_period    date NOT NULL CHECK (extract(day FROM billing_period) = 1),
    -- The BU the document is addressed to (it may carry its descendants' lines, by `invoices.level`).
    bu_id             text NOT NULL,
    run_id            bigint NOT NULL REFERENCES allocation_runs (id),
    rule_set_version  integer NOT NULL REFERENCES rule_sets (version),
    cost_basis        text NOT NULL CHECK (cost_basis IN ('unblended', 'amortized', 'net-amortized')),
    currency          text NOT NULL CHECK (currency ~ '^[A-Z]{3}$'),
    issue_date        date NOT NULL,
    total             numeric NOT NULL,
    -- For a memo: the invoice it adjusts (NULL when the BU had no invoice for the period).
    adjusts_id        bigint REFERENCES invoices (id),
    document          text NOT NULL,
    document_csv      text NOT NULL,
    document_html     text NOT NULL,
    -- SHA-256 of `document`, for audit.
    sha256            text NOT NULL CHECK (sha256 ~ '^[0-9a-f]{64}$'),
    issued_by         text NOT NULL,
    created_at        timestamptz NOT NULL DEFAULT now(),
    CHECK (status = 'draft' OR number IS NOT NULL),
    CHECK (kind <> 'invoice' OR adjusts_id IS NULL)
);
CREATE UNIQUE INDEX invoices_one_invoice_per_bu ON invoices (billing_period, bu_id) WHERE kind = 'invoice';
CREATE INDEX invoices_by_period ON invoices (billing_period, id);

-- The lines of a document, as the database can sum them. `amount` is rounded to the currency's minor unit (on a
-- memo: the change); `exact_amount` is the ledger's full-precision sum (invoices only).
CREATE TABLE invoice_lines (
    invoice_id    bigint NOT NULL REFERENCES invoices (id),
    position      integer NOT NULL,
    -- The BU that carries the line.
    bu_id         text NOT NULL,
    org_id        text NOT NULL,
    account_id    text NOT NULL,
    product_code  text,
    category      text NOT NULL,
    amount        numeric NOT NULL,
    exact_amount  numeric,
    PRIMARY KEY (invoice_id, position),
    UNIQUE NULLS NOT DISTINCT (invoice_id, bu_id, org_id, account_id, product_code, category)
);
CREATE INDEX invoice_lines_by_org ON invoice_lines (org_id);

-- A final document never changes: no UPDATE or DELETE of a final invoice, and no INSERT, UPDATE or DELETE of the
-- lines of one. A draft may become final (that is how a close issues a document, after inserting its lines).
CREATE FUNCTION invoices_refuse_final_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF OLD.status = 'final' THEN
        RAISE EXCEPTION 'invoice % is final and cannot be %; issue an adjustment instead (allot close --adjustments)',
            OLD.number, CASE TG_OP WHEN 'DELETE' THEN 'deleted' ELSE 'changed' END
            USING ERRCODE = 'integrity_constraint_violation';
    END IF;
    RETURN CASE TG_OP WHEN 'DELETE' THEN OLD ELSE NEW END;
END
$$;
CREATE TRIGGER invoices_final_is_immutable BEFORE UPDATE OR DELETE ON invoices
    FOR EACH ROW EXECUTE FUNCTION invoices_refuse_final_change();

CREATE FUNCTION invoice_lines_refuse_final_change() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    final_number text;
BEGIN
    SELECT number INTO final_number FROM invoices
    WHERE status = 'final' AND id IN (
        CASE WHEN TG_OP <> 'INSERT' THEN OLD.invoice_id END,
        CASE WHEN TG_OP <> 'DELETE' THEN NEW.invoice_id END);
    IF FOUND THEN
        RAISE EXCEPTION 'invoice % is final and its lines cannot be changed; issue an adjustment instead', final_number
            USING ERRCODE = 'integrity_constraint_violation';
    END IF;
    RETURN CASE TG_OP WHEN 'DELETE' THEN OLD ELSE NEW END;
END
$$;
CREATE TRIGGER invoice_lines_final_are_immutable BEFORE INSERT OR UPDATE OR DELETE ON invoice_lines
    FOR EACH ROW EXECUTE FUNCTION invoice_lines_refuse_final_change();

-- Closes are records, numbers only move forward, and nothing of this can be truncated away.
CREATE FUNCTION invoicing_refuse_rewrite() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    -- Nested, because PL/pgSQL does not promise to short-circuit AND, and other tables have no NEW.year.
    IF TG_TABLE_NAME = 'invoice_sequences' AND TG_OP = 'UPDATE' THEN
        IF NEW.year = OLD.year AND NEW.last >= OLD.last THEN
            RETURN NEW;
        END IF;
    END IF;
    RAISE EXCEPTION '% of % is not allowed: issued invoices, their numbers and closes are permanent', TG_OP, TG_TABLE_NAME
        USING ERRCODE = 'integrity_constraint_violation';
END
$$;
CREATE TRIGGER invoice_closes_are_permanent BEFORE UPDATE OR DELETE ON invoice_closes
    FOR EACH ROW EXECUTE FUNCTION invoicing_refuse_rewrite();
CREATE TRIGGER invoice_sequences_move_forward BEFORE UPDATE OR DELETE ON invoice_sequences
    FOR EACH ROW EXECUTE FUNCTION invoicing_refuse_rewrite();
CREATE TRIGGER invoices_no_truncate BEFORE TRUNCATE ON invoices
    FOR EACH STATEMENT EXECUTE FUNCTION invoicing_refuse_rewrite();
CREATE TRIGGER invoice_lines_no_truncate BEFORE TRUNCATE ON invoice_lines
    FOR EACH STATEMENT EXECUTE FUNCTION invoicing_refuse_rewrite();
CREATE TRIGGER invoice_closes_no_truncate BEFORE TRUNCATE ON invoice_closes
    FOR EACH STATEMENT EXECUTE FUNCTION invoicing_refuse_rewrite();
CREATE TRIGGER invoice_sequences_no_truncate BEFORE TRUNCATE ON invoice_sequences
    FOR EACH STATEMENT EXECUTE FUNCTION invoicing_refuse_rewrite();
