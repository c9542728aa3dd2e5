-- Allocation runs and their ledgers. A run allocates one billing period of some organizations under the
-- rule set in force for that period; re-running creates a new run, and the latest successful run of a period
-- is the current one. A run that does not reconcile keeps its record (status 'failed', with the error) and
-- no ledger rows.

CREATE TABLE allocation_runs (
    id                 bigserial PRIMARY KEY,
    billing_period     date NOT NULL CHECK (extract(day FROM billing_period) = 1),
    -- The organizations allocated, sorted.
    orgs               text[] NOT NULL,
    -- The rule-set version used (rule sets are never edited) and its cost basis.
    rule_set_version   integer NOT NULL REFERENCES rule_sets (version),
    cost_basis         text NOT NULL CHECK (cost_basis IN ('unblended', 'amortized', 'net-amortized')),
    status             text NOT NULL CHECK (status IN ('running', 'succeeded', 'failed')),
    -- The current cur_deliveries of those organizations and period when the run read the line items:
    -- [{"org": "…", "delivery": 12}, …].
    input_deliveries   jsonb NOT NULL DEFAULT '[]',
    -- Per organization: Σ line items on the basis, Σ ledger, whether they are equal.
    reconciliation     jsonb,
    -- What fell to the default BU, per (org, account, product code).
    unmapped           jsonb,
    -- Notes such as a shared-cost rule without targets.
    warnings           jsonb,
    -- The BU tree of the rule set (flattened), so a ledger rolls up as it was allocated.
    business_units     jsonb,
    ledger_rows        integer,
    error              text,
    created_at         timestamptz NOT NULL DEFAULT now(),
    finished_at        timestamptz,
    CHECK ((status = 'failed') = (error IS NOT NULL))
);
CREATE INDEX allocation_runs_by_period ON allocation_runs (billing_period, id);

-- Aggregated per (BU, organization, account, product code, category, source); amounts at full precision.
CREATE TABLE allocation_ledger (
    run_id        bigint NOT NULL REFERENCES allocation_runs (id) ON DELETE CASCADE,
    bu_id         text NOT NULL,
    org_id        text NOT NULL,
    account_id    text NOT NULL,
    product_code  text,
    -- usage, commitment-covered, commitment-unused, savings-adjustment, credit, tax, fee, other, shared:<rule>
    category      text NOT NULL,
    -- Why the BU carries it: "rule 'by cost centre'", "credits pooled per org", "shared 'security' (even, 50 %)" …
    source        text NOT NULL,
    amount        numeric NOT NULL,
    UNIQUE NULLS NOT DISTINCT (run_id, bu_id, org_id, account_id, product_code, category, source)
);
