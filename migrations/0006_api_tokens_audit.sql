-- API tokens and the audit log. (0005 is left to invoices.)
--
-- A token is `allot_` + 32 random bytes (base64url); only its SHA-256 is stored, so a leaked database does not
-- leak usable tokens. A token has one role; finance and reader tokens are limited to business units (and their
-- descendants), admin and planner tokens never are. Revoked tokens stay, for the audit log's sake; a name is
-- unique among tokens that are not revoked.

CREATE TABLE api_tokens (
    id              bigserial PRIMARY KEY,
    name            text NOT NULL CHECK (name ~ '^[A-Za-z0-9][A-Za-z0-9_.@-]{0,99}$'),
    role            text NOT NULL CHECK (role IN ('admin', 'finance', 'planner', 'reader')),
    business_units  text[] NOT NULL DEFAULT '{}',
    token_sha256    text NOT NULL UNIQUE CHECK (token_sha256 ~ '^[0-9a-f]{64}$'),
    created_by      text NOT NULL,
    created_at      timestamptz NOT NULL DEFAULT now(),
    -- Updated at most once a minute per token, so that authenticating stays a read.
    last_used_at    timestamptz,
    revoked_at      timestamptz,
    CHECK ((role IN ('finance', 'reader')) = (cardinality(business_units) > 0))
);
CREATE UNIQUE INDEX api_tokens_active_name ON api_tokens (name) WHERE revoked_at IS NULL;

-- Every state-changing request (uploads, configuration applies, and token changes from the CLI): who, what,
-- when, from where, and how it ended. Rows are only ever inserted.
CREATE TABLE audit_log (
    id              bigserial PRIMARY KEY,
    at              timestamptz NOT NULL DEFAULT now(),
    -- `token:<name>` for the API, `cli:<user>` for the command line.
    actor           text NOT NULL,
    token_id        bigint REFERENCES api_tokens (id),
    -- `POST /v1/deliveries`, `tokens create` …
    action          text NOT NULL,
    -- The key parameters: organization, period, effective period, token name …
    parameters      jsonb NOT NULL DEFAULT '{}',
    client_address  text,
    outcome         text NOT NULL CHECK (outcome IN ('success', 'failure')),
    -- The HTTP status answered; NULL for the command line.
    status          integer,
    request_id      text
);
CREATE INDEX audit_log_by_actor ON audit_log (actor, id);
