-- qbmc JdbcStore schema, version 1 (PostgreSQL 12 or newer).
-- ${schema} is empty or a schema name followed by a dot; ${prefix} is the table prefix (default qbmc_).
-- Instants are timestamptz (microsecond precision); enums are stored by name.

-- One row per connection (Connection in dev.qbmc.core.spi).
CREATE TABLE ${schema}${prefix}connections (
  connection_id        text        PRIMARY KEY,
  realm_id             text        NOT NULL,
  audience_id          text        NOT NULL,
  store_id             text        NOT NULL,
  marketing_status     text        NOT NULL,
  tag                  text        NOT NULL,
  home_currency        text        NOT NULL,
  contact_limit        bigint,
  contact_limit_policy text        NOT NULL,
  status               text        NOT NULL,
  full_sync_done       boolean     NOT NULL,
  created_at           timestamptz NOT NULL,
  updated_at           timestamptz NOT NULL
);
CREATE INDEX ${prefix}connections_realm ON ${schema}${prefix}connections (realm_id);

-- The change cursor of each connection.
CREATE TABLE ${schema}${prefix}cursors (
  connection_id     text PRIMARY KEY,
  changed_since     timestamptz,
  last_full_sync_at timestamptz
);

-- The lease of each connection and its fencing token. The row outlives a release (owner NULL) and
-- a deleted connection, so that tokens keep increasing.
CREATE TABLE ${schema}${prefix}leases (
  connection_id text   PRIMARY KEY,
  owner         text,
  token         bigint NOT NULL,
  acquired_at   timestamptz,
  expires_at    timestamptz,
  CHECK ((owner IS NULL) = (expires_at IS NULL) AND (owner IS NULL) = (acquired_at IS NULL))
);

-- What qbmc last wrote to Mailchimp for each QBO record (RecordState).
CREATE TABLE ${schema}${prefix}record_states (
  connection_id text NOT NULL,
  kind          text NOT NULL,
  record_id     text NOT NULL,
  fingerprint   text NOT NULL,
  mailchimp_id  text,
  PRIMARY KEY (connection_id, kind, record_id)
);

-- The most recent sync runs of each connection (bounded by the store).
CREATE TABLE ${schema}${prefix}sync_runs (
  connection_id text        NOT NULL,
  run_id        text        NOT NULL,
  started_at    timestamptz NOT NULL,
  finished_at   timestamptz,
  outcome       text,
  summary       text,
  report_json   text,
  PRIMARY KEY (connection_id, run_id)
);
CREATE INDEX ${prefix}sync_runs_recent ON ${schema}${prefix}sync_runs (connection_id, started_at DESC);

-- Webhook event ids already handled, per scope; rows older than the retention are pruned.
CREATE TABLE ${schema}${prefix}seen_events (
  scope    text        NOT NULL,
  event_id text        NOT NULL,
  seen_at  timestamptz NOT NULL,
  PRIMARY KEY (scope, event_id)
);
CREATE INDEX ${prefix}seen_events_age ON ${schema}${prefix}seen_events (seen_at);

-- OAuth tokens and API keys per connection and provider, written by compare-and-set on version.
-- A deleted row keeps its version with NULL tokens (a tombstone), so versions keep increasing.
CREATE TABLE ${schema}${prefix}tokens (
  connection_id            text   NOT NULL,
  provider                 text   NOT NULL,
  version                  bigint NOT NULL,
  access_token             text,
  refresh_token            text,
  access_token_expires_at  timestamptz,
  refresh_token_expires_at timestamptz,
  realm_id                 text,
  data_center              text,
  api_endpoint             text,
  PRIMARY KEY (connection_id, provider)
);
