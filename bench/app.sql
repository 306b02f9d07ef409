-- An application-like schema for the benchmarks, sized by the psql variable :scale
-- (rows grow linearly with it): accounts, users (4,000 per unit of scale: about 3% of
-- the dump, as issue 6's reference users table is of its 2.9 GB database),
-- conversations, messages with float
-- arrays standing in for embeddings, audit logs with jsonb, bytea, a partitioned table.
CREATE TABLE accounts (id bigserial PRIMARY KEY, name text NOT NULL, plan text NOT NULL, created_at timestamptz NOT NULL);
CREATE TABLE users (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    account_id bigint NOT NULL REFERENCES accounts(id),
    email text NOT NULL UNIQUE,
    display_name text,
    settings jsonb NOT NULL,
    avatar bytea,
    created_at timestamptz NOT NULL
);
CREATE TABLE conversations (id bigserial PRIMARY KEY, account_id bigint NOT NULL REFERENCES accounts(id), title text NOT NULL, started_at timestamptz NOT NULL);
CREATE TABLE messages (
    id bigserial PRIMARY KEY,
    conversation_id bigint NOT NULL REFERENCES conversations(id),
    author_id bigint REFERENCES users(id),
    body text NOT NULL,
    embedding real[],
    sent_at timestamptz NOT NULL
);
CREATE INDEX messages_conversation_idx ON messages (conversation_id, sent_at);
CREATE TABLE audit_logs (id bigint NOT NULL, happened_at timestamptz NOT NULL, actor_id bigint, action text NOT NULL, details jsonb,
                         PRIMARY KEY (id, happened_at)) PARTITION BY RANGE (happened_at);
CREATE TABLE audit_logs_2026_h1 PARTITION OF audit_logs FOR VALUES FROM ('2026-01-01') TO ('2026-07-01');
CREATE TABLE audit_logs_2026_h2 PARTITION OF audit_logs FOR VALUES FROM ('2026-07-01') TO ('2027-01-01');

SELECT setseed(0.42);
INSERT INTO accounts (name, plan, created_at)
SELECT 'Account ' || i, (ARRAY['free', 'team', 'enterprise'])[1 + i % 3], timestamptz '2025-01-01' + i * interval '1 minute'
FROM generate_series(1, 100 * :scale) i;
INSERT INTO users (account_id, email, display_name, settings, avatar, created_at)
SELECT 1 + i % (100 * :scale), 'user' || i || '@example.com', 'User ' || md5(i::text),
       jsonb_build_object('theme', CASE WHEN random() < 0.5 THEN 'dark' ELSE 'light' END, 'locale', 'en', 'n', i),
       CASE WHEN i % 4 = 0 THEN decode(md5(random()::text) || md5(random()::text), 'hex') END,
       timestamptz '2025-06-01' + random() * interval '300 days'
FROM generate_series(1, 4000 * :scale) i;
INSERT INTO conversations (account_id, title, started_at)
SELECT 1 + i % (100 * :scale), 'Conversation about ' || md5(i::text), timestamptz '2026-01-01' + random() * interval '300 days'
FROM generate_series(1, 2000 * :scale) i;
INSERT INTO messages (conversation_id, author_id, body, embedding, sent_at)
SELECT 1 + i % (2000 * :scale), 1 + i % (2000 * :scale),
       'Message ' || i || ': ' || repeat(md5(random()::text) || ' ', 1 + (random() * 6)::int),
       ARRAY(SELECT round(random()::numeric, 6)::real FROM generate_series(1, 16)),
       timestamptz '2026-01-01' + random() * interval '300 days'
FROM generate_series(1, 20000 * :scale) i;
INSERT INTO audit_logs (id, happened_at, actor_id, action, details)
SELECT i, timestamptz '2026-01-01' + random() * interval '364 days', 1 + i % (2000 * :scale),
       (ARRAY['login', 'update', 'delete', 'export'])[1 + i % 4],
       jsonb_build_object('ip', '10.' || (random() * 255)::int || '.' || (random() * 255)::int || '.1', 'agent', 'Mozilla/5.0 (' || md5(i::text) || ')', 'ok', random() < 0.9)
FROM generate_series(1, 4000 * :scale) i;

-- Two tables of the same shape and size, first and last in pg_dump's order, to
-- show that reading a table costs the same wherever it lies in the archive.
CREATE TABLE a_events (id bigint PRIMARY KEY, at timestamptz NOT NULL, kind text NOT NULL, payload jsonb NOT NULL);
CREATE TABLE z_events (LIKE a_events INCLUDING ALL);
INSERT INTO a_events
SELECT i, timestamptz '2026-01-01' + random() * interval '300 days', (ARRAY['view', 'click', 'buy'])[1 + i % 3],
       jsonb_build_object('session', md5(random()::text), 'value', round((random() * 1000)::numeric, 2))
FROM generate_series(1, 20000 * :scale) i;
INSERT INTO z_events SELECT * FROM a_events;
ANALYZE;
