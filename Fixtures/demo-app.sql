-- A small application-like database for the README's demo and the end-to-end tests:
-- accounts, users, conversations, messages, an audit log with jsonb, float arrays
-- standing in for embeddings, bytea, an enum, a domain, and a partitioned table.
-- Deterministic: the same rows every time.
CREATE EXTENSION IF NOT EXISTS citext;
CREATE TYPE account_plan AS ENUM ('free', 'team', 'enterprise');
CREATE DOMAIN email_address AS citext CHECK (VALUE LIKE '%_@_%');

CREATE TABLE accounts (
    id bigserial PRIMARY KEY,
    name text NOT NULL,
    plan account_plan NOT NULL DEFAULT 'free',
    created_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE users (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    account_id bigint NOT NULL REFERENCES accounts(id),
    email email_address NOT NULL UNIQUE,
    display_name text,
    settings jsonb NOT NULL DEFAULT '{}',
    avatar bytea,
    score double precision,
    created_at timestamptz NOT NULL
);
CREATE INDEX users_account_idx ON users (account_id);

CREATE TABLE conversations (
    id bigserial PRIMARY KEY,
    account_id bigint NOT NULL REFERENCES accounts(id),
    title text NOT NULL,
    started_at timestamptz NOT NULL
);

CREATE TABLE messages (
    id bigserial PRIMARY KEY,
    conversation_id bigint NOT NULL REFERENCES conversations(id),
    author_id bigint REFERENCES users(id),
    body text NOT NULL,
    embedding real[],
    sent_at timestamptz NOT NULL,
    body_length integer GENERATED ALWAYS AS (length(body)) STORED
);
CREATE INDEX messages_conversation_idx ON messages (conversation_id, sent_at);

CREATE TABLE audit_logs (
    id bigint NOT NULL,
    happened_at timestamptz NOT NULL,
    actor_id bigint,
    action text NOT NULL,
    details jsonb,
    PRIMARY KEY (id, happened_at)
) PARTITION BY RANGE (happened_at);
CREATE TABLE audit_logs_2026_h1 PARTITION OF audit_logs FOR VALUES FROM ('2026-01-01') TO ('2026-07-01');
CREATE TABLE audit_logs_2026_h2 PARTITION OF audit_logs FOR VALUES FROM ('2026-07-01') TO ('2027-01-01');

COMMENT ON TABLE users IS 'People who log in; one account has many.';

INSERT INTO accounts (name, plan, created_at)
SELECT 'Account ' || i, (ARRAY['free', 'team', 'enterprise']::account_plan[])[1 + i % 3],
       timestamptz '2025-01-01 00:00:00+00' + i * interval '1 day'
FROM generate_series(1, 200) AS i;

INSERT INTO users (account_id, email, display_name, settings, avatar, score, created_at)
SELECT 1 + i % 200, 'user' || i || '@example.com',
       CASE WHEN i % 17 = 0 THEN NULL WHEN i % 13 = 0 THEN E'Tab\there, new\nline, back\\slash, é日本' ELSE 'User ' || i END,
       jsonb_build_object('theme', CASE WHEN i % 2 = 0 THEN 'dark' ELSE 'light' END, 'beta', i % 5 = 0),
       CASE WHEN i % 7 = 0 THEN decode(md5(i::text), 'hex') END,
       CASE WHEN i % 101 = 0 THEN 'NaN'::float8 ELSE i / 7.0 END,
       timestamptz '2025-06-01 12:00:00+00' + i * interval '37 minutes'
FROM generate_series(1, 5000) AS i;

INSERT INTO conversations (account_id, title, started_at)
SELECT 1 + i % 200, 'Conversation ' || i, timestamptz '2026-01-01 00:00:00+00' + i * interval '1 hour'
FROM generate_series(1, 2000) AS i;

INSERT INTO messages (conversation_id, author_id, body, embedding, sent_at)
SELECT 1 + i % 2000, 1 + i % 5000, 'Message number ' || i || ' says ' || md5(i::text),
       ARRAY[(i % 10) / 10.0, (i % 7) / 7.0, (i % 3) / 3.0]::real[],
       timestamptz '2026-02-01 00:00:00+00' + i * interval '1 minute'
FROM generate_series(1, 20000) AS i;

INSERT INTO audit_logs (id, happened_at, actor_id, action, details)
SELECT i, timestamptz '2026-01-01 00:00:00+00' + i * interval '30 minutes', 1 + i % 5000,
       (ARRAY['login', 'update', 'delete'])[1 + i % 3], jsonb_build_object('ip', '10.0.' || (i % 250) || '.1', 'n', i)
FROM generate_series(1, 8000) AS i;
