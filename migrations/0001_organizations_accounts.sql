-- Organizations (one AWS Organization = one payer account) and the accounts seen in them.
-- Account membership over time arrives with CUR ingestion.

CREATE TABLE organizations (
    id                text PRIMARY KEY CHECK (id ~ '^[a-z0-9][a-z0-9_.-]{0,62}$'),
    name              text NOT NULL,
    payer_account_id  text NOT NULL UNIQUE CHECK (payer_account_id ~ '^[0-9]{1,20}$'),
    -- The legal customer owning the organization; commitments move only between orgs of one customer.
    customer          text NOT NULL DEFAULT 'default',
    currency          text NOT NULL DEFAULT 'USD' CHECK (currency ~ '^[A-Z]{3}$'),
    -- Names the organization's line item partitions (line_items_o<key>); never reused.
    partition_key     integer GENERATED ALWAYS AS IDENTITY UNIQUE,
    created_at        timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE accounts (
    account_id     text PRIMARY KEY CHECK (account_id ~ '^[0-9]{1,20}$'),
    name           text,
    kind           text NOT NULL DEFAULT 'workload'
                   CHECK (kind IN ('workload', 'holding', 'shared', 'management', 'sandbox')),
    first_seen_at  timestamptz NOT NULL DEFAULT now()
);
