-- A database of 1,000 small tables, each with a serial key, a default, an index and 50
-- rows: the archive's index then lists 8,002 sections, and reading it is most of what
-- `cat` of one of them costs. Real schemas have hundreds of tables; issue 3 asks that
-- one table cost no more than `pg_restore -t` whatever the archive holds.
DO $$
BEGIN
    FOR i IN 1..1000 LOOP
        EXECUTE format('CREATE TABLE t%s (id serial PRIMARY KEY, v text NOT NULL, created timestamptz DEFAULT now())', i);
        EXECUTE format('INSERT INTO t%s (v) SELECT md5(g::text) FROM generate_series(1, 50) g', i);
        EXECUTE format('CREATE INDEX ON t%s (v)', i);
    END LOOP;
END
$$;
