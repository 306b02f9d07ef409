-- An embeddings-heavy database, sized by the psql variable :scale (2,000 rows per unit):
-- the shape of the databases pgscalpel is for (their runbook backs up pgvector columns
-- of 768 and 1536 dimensions) and of issue 3's reference dump, where `pg_dump | gzip`
-- takes about five times as long as pg_dump alone. Vectors are real[] rather than pgvector's
-- type so the benchmark needs no extension; both are dumped as float text.
CREATE TABLE knowledge_nodes (
    id bigserial PRIMARY KEY,
    title text NOT NULL,
    content text NOT NULL,
    embedding real[] NOT NULL,
    created_at timestamptz NOT NULL
);
SELECT setseed(0.42);
-- `0 * i` ties the inner query to the row, so every row gets its own vector.
INSERT INTO knowledge_nodes (title, content, embedding, created_at)
SELECT 'Node ' || i, 'Knowledge entry ' || i || ': ' || repeat(md5(random()::text) || ' ', 1 + (random() * 6)::int),
       ARRAY(SELECT ((random() * 2 - 1) * 0.1)::real FROM generate_series(1, 768 + 0 * i)),
       timestamptz '2026-01-01' + random() * interval '300 days'
FROM generate_series(1, 2000 * :scale) i;
ANALYZE;
