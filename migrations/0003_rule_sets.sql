-- Rule sets: each `allot apply` stores a new version of the configuration (organizations, accounts, BUs,
-- mapping rules, policies); a version is never edited. The rule set in force for a period P is the highest
-- version whose effective_from <= P. See docs/configuration.md.

CREATE TABLE rule_sets (
    version         serial PRIMARY KEY,
    -- The first billing period the version applies to (the first of a month; 0001-01-01: every period).
    effective_from  date NOT NULL CHECK (extract(day FROM effective_from) = 1),
    -- The canonical, validated document (tag keys canonical), as allocation reads it.
    document        jsonb NOT NULL,
    -- The document exactly as applied (YAML or JSON), and its SHA-256.
    source_text     text NOT NULL,
    sha256          text NOT NULL CHECK (sha256 ~ '^[0-9a-f]{64}$'),
    applied_by      text NOT NULL,
    applied_at      timestamptz NOT NULL DEFAULT now(),
    note            text
);
CREATE INDEX rule_sets_by_effective_from ON rule_sets (effective_from, version);

-- The BU tree of the newest version. BUs that later versions dropped keep their last row, so ledgers and
-- invoices of earlier periods still name them.
CREATE TABLE business_units (
    id             text PRIMARY KEY CHECK (id ~ '^[a-z0-9][a-z0-9_-]*$'),
    name           text NOT NULL,
    parent_id      text REFERENCES business_units (id),
    first_version  integer NOT NULL REFERENCES rule_sets (version),
    last_version   integer NOT NULL REFERENCES rule_sets (version),
    CHECK (first_version <= last_version)
);
CREATE INDEX business_units_by_parent ON business_units (parent_id);

-- Declared memberships (holding accounts' history in the configuration) record the version that declared
-- them; each apply replaces the declared rows with those of the new version.
ALTER TABLE account_memberships ADD COLUMN rule_set_version integer REFERENCES rule_sets (version);
ALTER TABLE account_memberships ADD CONSTRAINT account_memberships_declared_version
    CHECK ((source = 'declared') = (rule_set_version IS NOT NULL));
