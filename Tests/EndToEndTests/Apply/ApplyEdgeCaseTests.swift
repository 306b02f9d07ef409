import Foundation
import TestSupport
import Testing

/// Shapes and failures of `apply` beyond the modes: partitions, trees, exact
/// comparison, timeouts, a bad `--where`, and a trigger that undoes the restore.
@Suite struct ApplyEdgeCaseTests {
    @Test func aPartitionedTableIsRestoredThroughItsPartitions() throws {
        let db = try ApplyDatabase("apply_part", """
            CREATE TABLE events (id int, at date NOT NULL, what text, PRIMARY KEY (id, at)) PARTITION BY RANGE (at);
            CREATE TABLE events_h1 PARTITION OF events FOR VALUES FROM ('2026-01-01') TO ('2026-07-01');
            CREATE TABLE events_h2 PARTITION OF events FOR VALUES FROM ('2026-07-01') TO ('2027-01-01');
            INSERT INTO events SELECT i, date '2026-01-01' + i % 360, 'e' || i FROM generate_series(1, 2000) i;
            """)
        let archive = try db.backup()
        let before = try db.hash("events")
        try db.psql("""
            DELETE FROM events WHERE id % 10 = 0;
            UPDATE events SET what = 'rewritten' WHERE id % 7 = 0;
            INSERT INTO events VALUES (9001, '2026-03-01', 'new'), (9002, '2026-09-01', 'new');
            """)
        let report = try db.applyReport(archive, "events", ["--execute", "--undo", db.scratch.file("u.gz")])
        #expect(report["inserted"] as? Int == 200)
        #expect(report["deleted"] as? Int == 2)
        #expect(report["updated"] as? Int == 257)
        #expect(try db.hash("events") == before)
        #expect(try db.psql("SELECT count(*) FROM ONLY events_h1") != "0")
        #expect(try db.diff(archive, "events").status == 0)
    }

    @Test func aTreeGetsItsDeletedParentsBackAndItsNewBranchesRemoved() throws {
        let db = try ApplyDatabase("apply_tree", """
            CREATE TABLE nodes (id int PRIMARY KEY, parent int REFERENCES nodes ON DELETE SET NULL, label text);
            INSERT INTO nodes SELECT i, CASE WHEN i > 1 THEN i / 2 END, 'n' || i FROM generate_series(1, 500) i;
            """)
        let archive = try db.backup()
        let before = try db.hash("nodes")
        // Parents deleted (their children's parent set to NULL), and a new branch
        // whose rows point at each other.
        try db.psql("""
            DELETE FROM nodes WHERE id IN (3, 4, 5);
            INSERT INTO nodes VALUES (1001, 2, 'new'), (1002, 1001, 'new'), (1003, 1002, 'new');
            """)
        let plan = try db.applyReport(archive, "nodes", [])
        #expect(plan["inserted"] as? Int == 3)
        #expect(plan["deleted"] as? Int == 3)
        #expect(plan["updated"] as? Int == 6)
        _ = try db.applyReport(archive, "nodes", ["--execute", "--undo", db.scratch.file("u.gz")])
        #expect(try db.hash("nodes") == before)
    }

    @Test func valuesEqualAsNumbersButWrittenDifferentlyAreRestored() throws {
        let db = try ApplyDatabase("apply_exact", """
            CREATE TYPE pair AS (a numeric, b text);
            CREATE TABLE facts (id int PRIMARY KEY, doc jsonb, amount numeric, ratio float8, p pair, tags text[]);
            INSERT INTO facts VALUES (1, '{"n": 1.0}', 1.0, 0, ROW(1.0, 'x'), '{a,b}'),
                                     (2, '{"n": 2}', 2, 1, ROW(2, repeat('long ', 2000)), '{c}'),
                                     (3, jsonb_build_object('t', repeat('x', 9000)), 3, 2, NULL, NULL);
            """)
        let archive = try db.backup()
        let before = try db.psql("SELECT string_agg(f::text, '|' ORDER BY id) FROM facts f")
        // Equal under = in every column, different in text: what a restore must put back.
        try db.psql("""
            UPDATE facts SET doc = '{"n": 1.00}', ratio = '-0', p = ROW(1.00, 'x') WHERE id = 1;
            UPDATE facts SET amount = 2.000 WHERE id = 2;
            """)
        let plan = try db.applyReport(archive, "facts", [])
        #expect(plan["updated"] as? Int == 2)
        let columns = (plan["changedColumns"] as? [[String: Any]] ?? []).map { "\($0["column"]!)=\($0["rows"]!)" }
        #expect(columns.sorted() == ["amount=1", "doc=1", "p=1", "ratio=1", "tags=0"])
        _ = try db.applyReport(archive, "facts", ["--execute", "--undo", db.scratch.file("u.gz")])
        #expect(try db.psql("SELECT string_agg(f::text, '|' ORDER BY id) FROM facts f") == before)
        #expect(try db.diff(archive, "facts").status == 0)
        // Nothing left to do, also for the long values stored compressed.
        let again = try db.applyReport(archive, "facts", [])
        #expect(again["updated"] as? Int == 0)
    }

    @Test func aTriggerThatChangesTheRestoredRowsMakesApplyRollBack() throws {
        let items = try DamagedItems("apply_trg_rb", extraSetup: """
            CREATE FUNCTION shout() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN NEW.name := upper(NEW.name); RETURN NEW; END $$;
            """)
        try items.db.psql("CREATE TRIGGER shout BEFORE INSERT OR UPDATE ON items FOR EACH ROW EXECUTE FUNCTION shout();")
        // The dry run says so first, naming the trigger and the way out.
        let plan = try items.db.applyReport(items.archive, "items", [])
        #expect(plan["firingTriggers"] as? [String] == ["shout"])
        let warning = (plan["warnings"] as? [String])?.first ?? ""
        #expect(warning.hasPrefix("BEFORE triggers fire on every row this writes and may change it (shout)"), "\(plan)")
        #expect(warning.contains("--disable-triggers"))
        let outcome = try items.db.apply(items.archive, "items", ["--execute", "--undo", items.undo])
        #expect(outcome.status == 2)
        #expect(outcome.errors.contains("still differ from the backup") && outcome.errors.contains("rolled back"),
                "\(outcome.errors)")
        #expect(outcome.errors.contains("BEFORE triggers shout changed them; --disable-triggers"), "\(outcome.errors)")
        #expect(try items.db.hash("items") == items.damaged)
        // The undo archive of a rolled-back apply would describe no change: it is gone.
        #expect(!FileManager.default.fileExists(atPath: items.undo))
        // With the trigger off for the transaction, the same apply goes through.
        let report = try items.db.applyReport(items.archive, "items", ["--execute", "--disable-triggers", "--undo", items.undo])
        #expect(report["executed"] as? Bool == true)
        #expect(try items.db.hash("items") == items.backedUp)
    }

    @Test func aStatementTimeoutStopsApplyAndChangesNothing() throws {
        let items = try DamagedItems("apply_stmt_to")
        try items.db.psql("""
            CREATE FUNCTION slow() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN PERFORM pg_sleep(0.5); RETURN NEW; END $$;
            CREATE TRIGGER slow BEFORE UPDATE ON items FOR EACH STATEMENT EXECUTE FUNCTION slow();
            """)
        let outcome = try items.db.apply(items.archive, "items",
                                         ["--execute", "--statement-timeout", "200ms", "--undo", items.undo])
        #expect(outcome.status == 2)
        #expect(outcome.errors.contains("statement timeout") && outcome.errors.contains("nothing was changed"),
                "\(outcome.errors)")
        #expect(outcome.errors.split(separator: "\n").count == 1, "\(outcome.errors)")
        #expect(try items.db.hash("items") == items.damaged)
        #expect(!FileManager.default.fileExists(atPath: items.undo))
        // The timeout is the transaction's own: the same apply with time to spare succeeds.
        let report = try items.db.applyReport(items.archive, "items", ["--execute", "--statement-timeout", "1min",
                                                                       "--undo", items.undo])
        #expect(report["executed"] as? Bool == true)
    }

    @Test func anInvalidWhereIsOneLineAndExitTwo() throws {
        let items = try DamagedItems("apply_bad_where")
        for bad in ["no_such_column = 1", "id = ", "id = 1; DROP TABLE items", "true), false); DROP TABLE items; SELECT ((true"] {
            let outcome = try items.db.apply(items.archive, "items", ["--where", bad, "--execute", "--undo", items.undo])
            #expect(outcome.status == 2, "\(bad): \(outcome.errors)")
            #expect(outcome.errors.contains("--where"), "\(bad): \(outcome.errors)")
            #expect(outcome.errors.split(separator: "\n").count == 1, "\(bad): \(outcome.errors)")
            #expect(try items.db.hash("items") == items.damaged)
            #expect(!FileManager.default.fileExists(atPath: items.undo))
        }
    }

    /// A migration narrowed a column: the backup's values no longer fit it. The
    /// refusal names the column, and `--columns` restores the others around it.
    @Test func aColumnRetypedNarrowerIsNamedAndColumnsGoesAroundIt() throws {
        let db = try ApplyDatabase("apply_retyped", """
            CREATE TABLE t (id int PRIMARY KEY, code text, qty int);
            INSERT INTO t SELECT i, 'code-' || i, i FROM generate_series(1, 20) i;
            """)
        let archive = try db.backup()
        try db.psql("UPDATE t SET code = left(code, 5), qty = 0; ALTER TABLE t ALTER COLUMN code TYPE varchar(5);")
        let whole = try db.apply(archive, "t", [])
        #expect(whole.status == 2)
        #expect(whole.errors == "pgscalpel: the backup's rows do not fit production's column types (retyped since the backup: "
            + "code text -> character varying(5)): ERROR 22001: value too long for type character varying(5); nothing was changed "
            + "(restore other columns with --columns)\n")
        let report = try db.applyReport(archive, "t", ["--columns", "qty", "--execute", "--undo", db.scratch.file("u.gz")])
        #expect(report["updated"] as? Int == 20)
        #expect(try db.psql("SELECT sum(qty) || ' ' || max(code) FROM t") == "210 code-")

        // A domain whose CHECK the backup's values fail is named the same way.
        try db.psql("CREATE DOMAIN big AS int CHECK (VALUE > 10); UPDATE t SET qty = 11 WHERE qty <= 10; "
            + "ALTER TABLE t ALTER COLUMN qty TYPE big")
        let domain = try db.apply(archive, "t", ["--columns", "qty"])
        #expect(domain.status == 2)
        #expect(domain.errors.hasPrefix("pgscalpel: the backup's rows do not fit production's column types (retyped since the backup: "
            + "code text -> character varying(5), qty integer -> public.big): ERROR 23514: value for domain big "), "\(domain.errors)")
    }
}

/// A table without a primary key, matched on columns the user names.
@Suite struct ApplyKeyTests {
    static let setup = """
        CREATE TABLE contacts (email text NOT NULL, name text, score int);
        CREATE UNIQUE INDEX contacts_email ON contacts (email);
        INSERT INTO contacts SELECT 'c' || i || '@example.com', 'name ' || i, i FROM generate_series(1, 500) i;
        """

    @Test func columnsTheUserNamesMatchTheRows() throws {
        let db = try ApplyDatabase("apply_key", Self.setup)
        let archive = try db.backup()
        let before = try db.psql("SELECT md5(string_agg(c::text, ',' ORDER BY email)) FROM contacts c")
        try db.psql("""
            DELETE FROM contacts WHERE score % 50 = 0;
            UPDATE contacts SET name = 'migrated' WHERE score % 7 = 0;
            INSERT INTO contacts VALUES ('new@example.com', 'new', 0);
            """)
        let refused = try db.apply(archive, "contacts", [])
        #expect(refused.status == 2)
        #expect(refused.errors.contains("no primary key") && refused.errors.contains("--key"), "\(refused.errors)")

        let report = try db.applyReport(archive, "contacts", ["--key", "email", "--execute", "--undo", db.scratch.file("u.gz")])
        #expect(report["inserted"] as? Int == 10)
        #expect(report["deleted"] as? Int == 1)
        #expect(report["updated"] as? Int == 70)
        #expect(try db.psql("SELECT md5(string_agg(c::text, ',' ORDER BY email)) FROM contacts c") == before)
    }

    @Test func aKeyThatDoesNotPickOneRowIsRefused() throws {
        let db = try ApplyDatabase("apply_key_bad", Self.setup)
        let archive = try db.backup()
        try db.psql("UPDATE contacts SET name = 'x' WHERE score <= 10")
        let damaged = try db.psql("SELECT md5(string_agg(c::text, ',' ORDER BY email)) FROM contacts c")
        let repeated = try db.apply(archive, "contacts", ["--key", "name", "--execute", "--undo", db.scratch.file("u1.gz")])
        #expect(repeated.status == 2)
        #expect(repeated.errors.contains("does not identify one row in production") && repeated.errors.contains("repeat"),
                "\(repeated.errors)")
        try db.psql("UPDATE contacts SET score = NULL WHERE score = 20")
        let null = try db.apply(archive, "contacts", ["--key", "score", "--undo", db.scratch.file("u2.gz"), "--execute"])
        #expect(null.status == 2)
        #expect(null.errors.contains("NULL"), "\(null.errors)")
        try db.psql("UPDATE contacts SET score = 20 WHERE score IS NULL")
        #expect(try db.psql("SELECT md5(string_agg(c::text, ',' ORDER BY email)) FROM contacts c") == damaged)
        #expect(!FileManager.default.fileExists(atPath: db.scratch.file("u1.gz")))
    }
}
