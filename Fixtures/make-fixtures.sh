#!/usr/bin/env bash
# Regenerates the pg_dump fixtures in this folder from a throwaway PostgreSQL 15
# server: initdb in a temp dir, unix socket only, removed on exit.
# Run as root (initdb is run as the postgres user) or as the postgres user.
# Outputs differ between runs only in timestamps, OIDs and the \restrict key.
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
pgbin=${PGBIN:-/usr/lib/postgresql/15/bin}
work=$(mktemp -d)

as_pg() {
    if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

cleanup() {
    as_pg "$pgbin/pg_ctl" -D "$work/data" -m immediate stop >/dev/null 2>&1 || true
    rm -rf "$work"
}
trap cleanup EXIT

chmod 777 "$work"
as_pg "$pgbin/initdb" -D "$work/data" -U postgres -E UTF8 --locale=C.UTF-8 -A trust >/dev/null
as_pg "$pgbin/pg_ctl" -D "$work/data" -w -l "$work/server.log" \
    -o "-c listen_addresses='' -k $work -c fsync=off" start >/dev/null

export PGHOST=$work PGUSER=postgres
psql() { as_pg env PGHOST="$PGHOST" PGUSER=postgres "$pgbin/psql" -X -q -v ON_ERROR_STOP=1 "$@"; }
dump() { as_pg env PGHOST="$PGHOST" PGUSER=postgres "$pgbin/pg_dump" "$@"; }

psql -d postgres -c "CREATE ROLE reader" -c "CREATE DATABASE awkward" -c "CREATE DATABASE blobs" \
    -c "CREATE DATABASE empty"

psql -d awkward >/dev/null <<'SQL'
CREATE SCHEMA "Sales";
CREATE SCHEMA other;
CREATE SCHEMA "we.ird; schema";
GRANT USAGE ON SCHEMA "Sales" TO reader;

CREATE TYPE public.mood AS ENUM ('sad', 'ok', 'happy');
CREATE DOMAIN public.posint AS integer CHECK (VALUE > 0);

-- Serial key, enum, domain, text that needs every COPY escape.
CREATE TABLE public.plain (id serial PRIMARY KEY, note text, m public.mood, p public.posint);
INSERT INTO public.plain (note, m, p)
SELECT CASE i % 7
         WHEN 0 THEN NULL
         WHEN 1 THEN E'tab\there'
         WHEN 2 THEN E'new\nline and back\\slash'
         WHEN 3 THEN E'cr\rff\fbs\bvt\013'
         WHEN 4 THEN 'héllo 日本 ' || i
         WHEN 5 THEN ''
         ELSE '\N literally'
       END,
       (ARRAY['sad', 'ok', 'happy']::public.mood[])[1 + i % 3],
       1 + i
FROM generate_series(1, 1500) AS i;
ALTER TABLE public.plain ADD CONSTRAINT note_len CHECK (length(note) < 100) NOT VALID;
ALTER TABLE public.plain ENABLE ROW LEVEL SECURITY;
CREATE POLICY "p 1" ON public.plain USING (true);
COMMENT ON TABLE public.plain IS 'plain table';
GRANT SELECT ON public.plain TO reader;

-- Identity, generated column, reserved-word column, FK, column comment and grants.
CREATE TABLE "Sales"."Order Items" (
    id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    "from" text,
    qty integer,
    total integer GENERATED ALWAYS AS (qty * 2) STORED,
    plain_id integer REFERENCES public.plain (id)
);
INSERT INTO "Sales"."Order Items" ("from", qty, plain_id)
SELECT 'shop ' || i, i, 1 + i % 10 FROM generate_series(1, 250) AS i;
COMMENT ON COLUMN "Sales"."Order Items"."from" IS 'where it came from';
GRANT SELECT ("from"), UPDATE (qty) ON "Sales"."Order Items" TO reader;
CREATE INDEX "Idx ""odd""" ON "Sales"."Order Items" (qty);
CREATE UNIQUE INDEX from_qty ON "Sales"."Order Items" ("from", qty);

CREATE TABLE public."select" ("from" integer, "to" text);
INSERT INTO public."select" VALUES (1, 'a'), (2, 'b'), (3, NULL);
CREATE FUNCTION public.trg() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NEW; END $$;
CREATE TRIGGER "Trg on select" BEFORE INSERT OR UPDATE OF "from" ON public."select"
    FOR EACH ROW EXECUTE FUNCTION public.trg();

CREATE TABLE public."MixedCase" ("Id" integer, "Some Col" text);
INSERT INTO public."MixedCase" SELECT i, 'v' || i FROM generate_series(1, 12) AS i;
CREATE TABLE public."My ""T""" (a integer);
INSERT INTO public."My ""T""" VALUES (1), (2);
CREATE TABLE public."dot.ted" (a integer);
INSERT INTO public."dot.ted" VALUES (1);
CREATE TABLE public."semi;colon" (a integer);
INSERT INTO public."semi;colon" VALUES (1), (2), (3), (4);
CREATE TABLE public."new
line" (a integer);
INSERT INTO public."new
line" VALUES (1), (2), (3), (4), (5);
CREATE TABLE public."café" (a integer);
INSERT INTO public."café" VALUES (1);
CREATE TABLE public."日本" ("列" text);
INSERT INTO public."日本" VALUES ('東京'), ('大阪');
CREATE TABLE public.dup (a integer);
INSERT INTO public.dup VALUES (1);
CREATE TABLE other.dup (b integer);
INSERT INTO other.dup VALUES (1), (2);
CREATE RULE r_dup AS ON INSERT TO other.dup DO ALSO NOTIFY dup;
CREATE TABLE "we.ird; schema"."t; x" (a integer);
INSERT INTO "we.ird; schema"."t; x" VALUES (7);
CREATE TABLE public."x; Type: TABLE; Schema: x" (a integer);
INSERT INTO public."x; Type: TABLE; Schema: x" VALUES (1), (2), (3);
CREATE TABLE public.empty (a integer);
CREATE TABLE public.nocols ();
INSERT INTO public.nocols DEFAULT VALUES;
INSERT INTO public.nocols DEFAULT VALUES;
CREATE TABLE public.allgen (g integer GENERATED ALWAYS AS (1) STORED);
INSERT INTO public.allgen DEFAULT VALUES;
CREATE TABLE public.dropped (a integer, b integer, c text);
INSERT INTO public.dropped VALUES (1, 2, 'x');
ALTER TABLE public.dropped DROP COLUMN b;
CREATE UNLOGGED TABLE public.scratch (a integer);
INSERT INTO public.scratch VALUES (1);

-- Lines that look like TOC headers inside COPY data, a function body and a string.
CREATE TABLE public.lookalike (line text);
INSERT INTO public.lookalike VALUES
    ('--'),
    ('-- Name: ghost_in_copy; Type: TABLE; Schema: public; Owner: postgres'),
    ('--'),
    (''),
    ('SET default_tablespace = '''';'),
    ('--'),
    ('-- TOC entry 9999 (class 1259 OID 1)'),
    ('-- Data for Name: ghost_in_copy; Type: TABLE DATA; Schema: public; Owner: postgres'),
    ('--'),
    ('-- PostgreSQL database dump complete'),
    ('--'),
    ('\.'),
    ('COPY public.ghost (a) FROM stdin;');
COMMENT ON TABLE public.lookalike IS '
--
-- Name: ghost_in_string; Type: TABLE; Schema: public; Owner: postgres
--

';
CREATE FUNCTION public.ghost_fn() RETURNS text LANGUAGE plpgsql AS $f$
BEGIN
--
-- Name: ghost_in_function; Type: TABLE; Schema: public; Owner: postgres
--
    RETURN '$$ dollars $$';
END
$f$;
CREATE FUNCTION public.atomic_fn(a integer) RETURNS integer LANGUAGE sql
BEGIN ATOMIC
    SELECT CASE WHEN a > 0 THEN a + 1 ELSE 0 END;
    SELECT a + 2;
END;

-- Partitioned table with an index that becomes INDEX ATTACH entries.
CREATE TABLE public.measurements (id integer, at date NOT NULL, v numeric) PARTITION BY RANGE (at);
CREATE TABLE public.m2024 PARTITION OF public.measurements FOR VALUES FROM ('2024-01-01') TO ('2025-01-01');
CREATE TABLE "Sales"."m ""2025""" PARTITION OF public.measurements FOR VALUES FROM ('2025-01-01') TO ('2026-01-01');
CREATE INDEX measurements_at ON public.measurements (at);
INSERT INTO public.measurements
SELECT i, DATE '2024-06-01' + i * 2 / 3, i / 3.0 FROM generate_series(1, 300) AS i;

CREATE SEQUENCE "Sales"."Seq ""Q""" START 5;
SELECT setval('"Sales"."Seq ""Q"""', 42);
CREATE VIEW public.v_orders AS SELECT id, "from" FROM "Sales"."Order Items" WHERE qty > 1;
CREATE MATERIALIZED VIEW public.mv AS SELECT count(*) AS n FROM public.plain;
CREATE STATISTICS public.st_order ON qty, plain_id FROM "Sales"."Order Items";
CREATE FOREIGN DATA WRAPPER dummy;
CREATE SERVER srv FOREIGN DATA WRAPPER dummy;
CREATE FOREIGN TABLE public.ft (a integer) SERVER srv;
SET client_min_messages = error;
CREATE PUBLICATION pub FOR TABLE public.plain;
SQL

psql -d blobs >/dev/null <<'SQL'
CREATE TABLE public.docs (id integer PRIMARY KEY, body oid);
SELECT lo_from_bytea(424242, convert_to(E'--\n-- Name: ghost_in_blob; Type: TABLE; Schema: public; Owner: postgres\n--\n', 'UTF8'));
SELECT lo_from_bytea(424243, decode(repeat(md5('blob'), 2000), 'hex'));
SELECT lo_create(424244);
COMMENT ON LARGE OBJECT 424242 IS 'looks like a header';
GRANT SELECT ON LARGE OBJECT 424243 TO reader;
INSERT INTO public.docs VALUES (1, 424242), (2, 424243), (3, 424244);
SQL

dump awkward >"$here/awkward.sql"
dump --verbose awkward >"$here/awkward-verbose.sql" 2>/dev/null
dump --load-via-partition-root awkward >"$here/awkward-partition-root.sql"
dump --verbose --create blobs >"$here/blobs-verbose.sql" 2>/dev/null
dump empty >"$here/empty.sql"
dump --column-inserts --rows-per-insert=2 -t 'public."select"' -t public.nocols -t 'public."MixedCase"' \
    awkward >"$here/awkward-inserts.sql"
dump -Fc -f "$work/awkward.dump" awkward
as_pg "$pgbin/pg_restore" -l "$work/awkward.dump" >"$here/awkward.toc"

# What the scanner must find in every TABLE DATA entry of the awkward database:
# each ordinary table's own rows and the columns COPY lists (generated and
# dropped columns are left out by pg_dump).
psql -d awkward -At >"$here/awkward.expected.json" <<'SQL'
SELECT jsonb_pretty(jsonb_agg(t ORDER BY t.schema, t.name))
FROM (
    SELECT n.nspname AS schema,
           c.relname AS name,
           (xpath('/row/c/text()',
                  query_to_xml(format('SELECT count(*) AS c FROM ONLY %I.%I', n.nspname, c.relname),
                               false, true, '')))[1]::text::bigint AS rows,
           coalesce((SELECT jsonb_agg(a.attname ORDER BY a.attnum)
                     FROM pg_attribute a
                     WHERE a.attrelid = c.oid AND a.attnum > 0
                       AND NOT a.attisdropped AND a.attgenerated = ''), '[]') AS columns
    FROM pg_class c
    JOIN pg_namespace n ON n.oid = c.relnamespace
    WHERE c.relkind = 'r' AND n.nspname NOT IN ('pg_catalog', 'information_schema')
) AS t;
SQL

ls -l "$here"/awkward* "$here"/blobs* "$here"/empty*
