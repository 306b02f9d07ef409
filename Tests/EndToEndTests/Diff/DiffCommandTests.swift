import Foundation
import TestSupport
import Testing

/// `pgscalpel diff` as an operator runs it: a backup taken with `pgscalpel backup`,
/// production changed since, the differences found exactly, in every format.
@Suite struct DiffCommandTests {
    /// A database with `setup` run in it, and its backup in a scratch folder.
    private struct Production {
        let database: String
        let environment: [String: String]
        let scratch: ScratchFolder
        let archive: String

        init(_ prefix: String, _ setup: String) throws {
            environment = try TestServer.environment()
            database = try TestServer.makeDatabase(prefix)
            scratch = try ScratchFolder()
            archive = scratch.file("\(prefix).scalpel.sql.gz")
            try psql(setup)
            let backup = try CLI.pgscalpel(["backup", "-d", database, "-f", archive], environment: environment)
            guard backup.status == 0 else { throw TestFailure("backup: \(backup.errors)") }
        }

        /// Runs SQL in production; returns its unaligned, tuples-only output.
        @discardableResult
        func psql(_ sql: String) throws -> String {
            let outcome = try CLI.run("psql", ["-X", "-q", "-At", "-v", "ON_ERROR_STOP=1", "-d", database],
                                      environment: environment, input: Data(sql.utf8))
            guard outcome.status == 0 else { throw TestFailure("psql: \(outcome.errors)") }
            return outcome.text.trimmingCharacters(in: .newlines)
        }

        func diff(_ table: String, _ options: [String] = []) throws -> CLI.Outcome {
            try CLI.pgscalpel(["diff", archive, "-t", table, "--against", database] + options, environment: environment)
        }

        /// The diff's JSON document: its summary and its listed differences.
        func json(_ table: String, _ options: [String] = []) throws -> (status: Int32, summary: [String: Any], differences: [[String: Any]]) {
            let outcome = try diff(table, ["--format", "json"] + options)
            guard outcome.status != 2 else { throw TestFailure("diff: \(outcome.errors)") }
            let document = try #require(try JSONSerialization.jsonObject(with: outcome.output) as? [String: Any])
            return (outcome.status, try #require(document["summary"] as? [String: Any]),
                    try #require(document["differences"] as? [[String: Any]]))
        }
    }

    private static func counts(_ summary: [String: Any]) -> [Int] {
        [summary["deleted"], summary["inserted"], summary["changed"]].map { $0 as? Int ?? -1 }
    }

    private static func changedColumns(_ summary: [String: Any]) -> [String: Int] {
        var columns: [String: Int] = [:]
        for entry in summary["changedColumns"] as? [[String: Any]] ?? [] {
            columns[entry["column"] as? String ?? ""] = entry["rows"] as? Int
        }
        return columns
    }

    // MARK: values, not accidents of text

    /// Every type the spec names, with its awkward values; production's database
    /// defaults to other output settings than the backup was taken under.
    private static let everyType = #"""
        CREATE TYPE mood AS ENUM ('sad', 'ok', 'happy');
        CREATE DOMAIN posint AS integer CHECK (VALUE > 0);
        CREATE DOMAIN label AS text;
        CREATE TABLE every (
            id integer PRIMARY KEY, tz timestamptz, ts timestamp, d date, iv interval, r real, dp double precision,
            n numeric, b bytea, ia integer[], ta text[], jb jsonb, j json, u uuid, ip inet, m mood, p posint, l label,
            t text, flag boolean, c character(4));
        INSERT INTO every VALUES
          (1, '2024-03-10 02:30:00.123456+05:30', '2024-02-29 23:59:59.999999', '2024-02-29', '1 year 2 mons 3 days 04:05:06.789',
           'NaN', '-0', 123.456789012345678901234567890, '\x00ff5c0a09', '{1,NULL,-3}', '{"a b","c\"d",NULL,"e\\f",""}',
           '{"b": 1, "a": [1, 2.50, null], "é": "日本"}', '{ "a" : 1 , "a":2 }', 'a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11',
           '10.0.0.1/24', 'happy', 5, 'x', E'tab\there\nnew line\\back\r é 日本', true, 'ab'),
          (2, 'infinity', '-infinity', 'infinity', '-1 days +02:00', 'Infinity', '-Infinity', 'NaN', '\x', '{}', '{}',
           '[]', '""', '00000000-0000-0000-0000-000000000000', '::1', 'sad', 1, '', '', false, ''),
          (3, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL),
          (4, '0044-03-15 12:00:00 BC', '1999-12-31 23:59:59', '0001-01-01 BC', '-178000000 years', 3.4028235e38, 5e-324,
           '-0.000', '\x5c', '{{1,2},{3,4}}', '{"\\N","NULL"}', '{"n": 1e400, "s": "\\N\t"}', '[1,  2]',
           'FFFFFFFF-FFFF-FFFF-FFFF-FFFFFFFFFFFF', '10.0.0.1', 'ok', 2147483647, E'\\N', E'\\N', NULL, 'abcd'),
          (5, '2000-01-01 00:00:00+00', '2000-01-01', '2000-01-01', '0', 0.1, 0.1, 1e-20, '\x0d0a', '{-0}', '{"\t"}',
           '0', 'null', 'a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a12', '2001:db8::/32', 'ok', 7, E'\n', E' \\\t', true, 'a  ');
        -- The same rows with no key, twice over and in another order: a multiset.
        CREATE TABLE every_nokey AS SELECT * FROM every ORDER BY id DESC;
        INSERT INTO every_nokey SELECT * FROM every WHERE id IN (1, 4);
        """#

    private static let otherOutputSettings = #"""
        DO $$ BEGIN
          EXECUTE format('ALTER DATABASE %I SET timezone = %L', current_database(), 'America/St_Johns');
          EXECUTE format('ALTER DATABASE %I SET datestyle = %L', current_database(), 'SQL, DMY');
          EXECUTE format('ALTER DATABASE %I SET intervalstyle = %L', current_database(), 'sql_standard');
          EXECUTE format('ALTER DATABASE %I SET extra_float_digits = %L', current_database(), '-3');
          EXECUTE format('ALTER DATABASE %I SET bytea_output = %L', current_database(), 'escape');
        END $$;
        """#

    @Test func anUntouchedTableOfEveryTypeDiffsAsZeroFromTheArchiveAndFromASidecar() throws {
        let production = try Production("diff_types", Self.everyType)
        try production.psql(Self.otherOutputSettings)
        // The settings did take: a session reads other text than pg_dump wrote.
        #expect(try production.psql("SELECT r::text || ' ' || d::text FROM every WHERE id = 5") == "0.1 01/01/2000")

        for options in [[], ["--sidecar", "auto"]] {
            let (status, summary, differences) = try production.json("every", options)
            #expect(status == 0, "\(options): \(summary)")
            #expect(Self.counts(summary) == [0, 0, 0], "\(options)")
            #expect(differences.isEmpty, "\(options)")
            #expect(summary["backupRows"] as? Int == 5 && summary["productionRows"] as? Int == 5)
            #expect((summary["columns"] as? [String])?.count == 21)
            #expect(summary["keySource"] as? String == "primary key in the archive")
            let readFrom = summary["backupReadFrom"] as? String ?? ""
            #expect(options.isEmpty ? readFrom == "the archive" : readFrom.contains("sidecar"), "\(readFrom)")
        }
        let text = try production.diff("every")
        #expect(text.status == 0, "\(text.errors)")
        #expect(text.text.contains("no differences"), "\(text.text)")

        let (status, summary, _) = try production.json("every_nokey")
        #expect(status == 0, "\(summary)")
        #expect(Self.counts(summary) == [0, 0, 0])
        #expect(summary["backupRows"] as? Int == 7 && summary["productionRows"] as? Int == 7)
        #expect(summary["keySource"] as? String == "none: whole rows, as a multiset")
    }

    /// A table updated since it was loaded is dumped out of key order: its rows are
    /// sorted from the archive itself, with no sidecar (which `--sidecar auto` still asks for).
    @Test func rowsStoredOutOfKeyOrderAreSortedWithoutASidecar() throws {
        let production = try Production("diff_order", """
            CREATE TABLE shuffled (id integer PRIMARY KEY, v text);
            INSERT INTO shuffled SELECT g, 'v' || g FROM generate_series(200, 1, -1) g;
            CREATE TABLE updated (code text PRIMARY KEY, v integer);
            INSERT INTO updated SELECT 'k' || g, g FROM generate_series(1, 50) g;
            UPDATE updated SET v = v + 1 WHERE code = 'k7';
            """)
        for table in ["shuffled", "updated"] {
            let (status, summary, _) = try production.json(table)
            #expect(status == 0, "\(table): \(summary)")
            #expect(Self.counts(summary) == [0, 0, 0], "\(table)")
            #expect(summary["backupReadFrom"] as? String == "the archive, sorted by the key", "\(table): \(summary)")
        }
        let (_, sidecar, _) = try production.json("updated", ["--sidecar", "auto"])
        #expect(Self.counts(sidecar) == [0, 0, 0] && sidecar["backupReadFrom"] as? String == "a sidecar")
        try production.psql("UPDATE shuffled SET v = 'changed' WHERE id = 150")
        let (status, summary, differences) = try production.json("shuffled")
        #expect(status == 1)
        #expect(Self.counts(summary) == [0, 0, 1])
        #expect(differences.count == 1)
        #expect((differences.first?["key"] as? [String: String]) == ["id": "150"])
    }

    // MARK: each kind of change

    @Test func deletedInsertedAndChangedRowsAreFoundExactly() throws {
        let production = try Production("diff_kinds", #"""
            CREATE TABLE accounts (id bigint PRIMARY KEY, name text, balance numeric, note text);
            INSERT INTO accounts SELECT g, 'name ' || g, g * 10, CASE WHEN g = 7 THEN '' ELSE 'note' END FROM generate_series(-2, 12) g;
            """#)
        try production.psql(#"""
            DELETE FROM accounts WHERE id IN (-1, 3);
            INSERT INTO accounts VALUES (13, 'new', 0, E'tab\there'), (-5, NULL, NULL, NULL);
            UPDATE accounts SET name = 'Renamed "x"', balance = 51.00 WHERE id = 5;
            UPDATE accounts SET note = NULL WHERE id = 7;
            UPDATE accounts SET note = E'back\\slash\nline' WHERE id = 9;
            """#)
        let (status, summary, differences) = try production.json("accounts")
        #expect(status == 1)
        #expect(Self.counts(summary) == [2, 2, 3])
        #expect(Self.changedColumns(summary) == ["name": 1, "balance": 1, "note": 2])
        #expect(summary["backupRows"] as? Int == 15 && summary["productionRows"] as? Int == 15)
        #expect(summary["listed"] as? Int == 7)
        let listed = differences.map { "\($0["change"] as? String ?? "?") \(($0["key"] as? [String: String])?["id"] ?? "?")" }
        #expect(listed == ["inserted -5", "deleted -1", "deleted 3", "changed 5", "changed 7", "changed 9", "inserted 13"])

        let deleted = differences[1]["backup"] as? [String: Any]
        #expect(deleted?["id"] as? String == "-1" && deleted?["name"] as? String == "name -1" && deleted?["balance"] as? String == "-10")
        let inserted = try #require(differences[0]["production"] as? [String: Any])
        #expect(inserted["name"] is NSNull && inserted["note"] is NSNull)
        #expect((differences[6]["production"] as? [String: Any])?["note"] as? String == "tab\there")
        let five = try #require(differences[3]["columns"] as? [String: [String: Any]])
        #expect(Set(five.keys) == ["name", "balance"])
        #expect(five["name"]?["backup"] as? String == "name 5" && five["name"]?["production"] as? String == "Renamed \"x\"")
        #expect(five["balance"]?["backup"] as? String == "50" && five["balance"]?["production"] as? String == "51.00")
        let seven = try #require(differences[4]["columns"] as? [String: [String: Any]])
        #expect(seven.count == 1 && seven["note"]?["backup"] as? String == "" && seven["note"]?["production"] is NSNull)
        let nine = try #require(differences[5]["columns"] as? [String: [String: Any]])
        #expect(nine["note"]?["production"] as? String == "back\\slash\nline")

        // The text report: summary first, then the listed lines, cut at --limit.
        let text = try production.diff("accounts", ["--limit", "2"])
        #expect(text.status == 1)
        #expect(text.text.contains("deleted:  2 (in the backup only)\ninserted: 2 (in production only)\nchanged:  3\n"), "\(text.text)")
        #expect(text.text.contains("+ id=-5: name=NULL, balance=NULL, note=NULL\n- id=-1: "), "\(text.text)")
        #expect(text.text.hasSuffix("(5 more not listed: raise --limit)\n"), "\(text.text)")
        let counted = try production.json("accounts", ["--limit", "0"])
        #expect(Self.counts(counted.summary) == [2, 2, 3] && counted.differences.isEmpty && counted.summary["listed"] as? Int == 0)
    }

    @Test func columnsNarrowTheComparisonAndASidecarDatabaseCanHoldTheBackup() throws {
        let production = try Production("diff_columns", """
            CREATE TABLE accounts (id integer PRIMARY KEY, name text, balance numeric);
            INSERT INTO accounts SELECT g, 'n' || g, g FROM generate_series(1, 50) g;
            """)
        try production.psql("UPDATE accounts SET name = 'x' WHERE id = 3; UPDATE accounts SET balance = 0 WHERE id = 4;")
        let narrowed = try production.json("accounts", ["--columns", "balance"])
        #expect(narrowed.status == 1)
        #expect(narrowed.summary["columns"] as? [String] == ["id", "balance"])
        #expect(Self.counts(narrowed.summary) == [0, 0, 1] && Self.changedColumns(narrowed.summary) == ["balance": 1])

        // The table restored by hand into a database of the operator's, named with --sidecar.
        let sidecar = try TestServer.makeDatabase("diff_columns_sidecar")
        let restore = try CLI.pgscalpel(["restore", production.archive, "-t", "accounts", "--into", sidecar],
                                        environment: production.environment)
        #expect(restore.status == 0, "\(restore.errors)")
        let viaSidecar = try production.json("accounts", ["--sidecar", "dbname=\(sidecar)"])
        #expect((viaSidecar.summary["backupReadFrom"] as? String)?.hasPrefix("the sidecar") == true)
        #expect(Self.counts(viaSidecar.summary) == [0, 0, 2])
        #expect(Self.changedColumns(viaSidecar.summary) == ["name": 1, "balance": 1])
    }

    @Test func aCompositeKeyAndAKeyNamedWithKey() throws {
        let production = try Production("diff_keys", """
            CREATE TABLE items (order_id integer, line integer, qty integer, PRIMARY KEY (order_id, line));
            INSERT INTO items SELECT o, l, o * l FROM generate_series(1, 3) o, generate_series(1, 3) l;
            CREATE TABLE people (id integer PRIMARY KEY, email text UNIQUE NOT NULL, name text);
            INSERT INTO people VALUES (1, 'b@x', 'B'), (2, 'A@x', 'A'), (3, 'a@x', 'a'), (4, '_@x', '_');
            """)
        try production.psql("""
            UPDATE items SET qty = 0 WHERE (order_id, line) = (2, 1);
            DELETE FROM items WHERE (order_id, line) = (1, 2);
            INSERT INTO items VALUES (1, 4, 4);
            UPDATE people SET id = id + 100;
            UPDATE people SET name = 'renamed' WHERE email = 'a@x';
            """)
        let items = try production.json("items")
        #expect(Self.counts(items.summary) == [1, 1, 1])
        #expect(items.summary["key"] as? [String] == ["order_id", "line"])
        let keys = items.differences.map { $0["key"] as? [String: String] ?? [:] }
        #expect(keys == [["order_id": "1", "line": "2"], ["order_id": "1", "line": "4"], ["order_id": "2", "line": "1"]])
        #expect(items.differences.map { $0["change"] as? String } == ["deleted", "inserted", "changed"])

        let byID = try production.json("people")
        #expect(Self.counts(byID.summary) == [4, 4, 0])
        let byEmail = try production.json("people", ["--key", "email"])
        #expect(byEmail.status == 1)
        #expect(byEmail.summary["keySource"] as? String == "--key")
        #expect(Self.counts(byEmail.summary) == [0, 0, 4])
        #expect(Self.changedColumns(byEmail.summary) == ["id": 4, "name": 1])
        #expect(byEmail.differences.map { ($0["key"] as? [String: String])?["email"] } == ["A@x", "_@x", "a@x", "b@x"])

        let unknown = try production.diff("people", ["--key", "nope"])
        #expect(unknown.status == 2 && unknown.errors.contains("nope") && unknown.errors.split(separator: "\n").count == 1)
        // A key that is not unique, in production or in the backup (read straight from
        // the archive, where items is in order_id order): said so, in one line.
        try production.psql("UPDATE people SET name = 'same'")
        for (table, key, message) in [("people", "name", "not unique in production"),
                                      ("items", "order_id", "(order_id) is not unique in the backup")] {
            let notUnique = try production.diff(table, ["--key", key])
            #expect(notUnique.status == 2, "\(table): \(notUnique.errors)")
            #expect(notUnique.errors.contains(message), "\(table): \(notUnique.errors)")
            #expect(notUnique.errors.split(separator: "\n").count == 1, "\(table): \(notUnique.errors)")
        }
    }

    @Test func aTableWithoutAKeyIsAMultiset() throws {
        let production = try Production("diff_multiset", """
            CREATE TABLE log (msg text, n integer, ok boolean, ip inet, c character(3));
            INSERT INTO log SELECT 'x', 1, true, '10.0.0.1', 'a' FROM generate_series(1, 3);
            INSERT INTO log VALUES ('y', 2, false, '10.0.0.1/24', 'b '), ('', NULL, NULL, NULL, NULL), (NULL, NULL, NULL, NULL, NULL);
            -- Rows that only a later column tells apart, where a value's text and its cast to text differ.
            INSERT INTO log VALUES ('ip', 0, true, '10.0.0.1', 'a'), ('ip', 0, true, '10.0.0.1/24', 'a'),
              ('ch', 0, true, NULL, 'a'), ('ch', 0, true, NULL, E'a\t');
            """)
        try production.psql("""
            DELETE FROM log WHERE ctid IN (SELECT ctid FROM log WHERE msg = 'x' LIMIT 2);
            INSERT INTO log VALUES ('z', 3, true, '10.0.0.2/8', 'c');
            """)
        let (status, summary, differences) = try production.json("log")
        #expect(status == 1)
        #expect(summary["keySource"] as? String == "none: whole rows, as a multiset")
        #expect(Self.counts(summary) == [2, 1, 0])
        #expect(differences.map { $0["change"] as? String } == ["deleted", "deleted", "inserted"])
        #expect((differences[0]["backup"] as? [String: Any])?["msg"] as? String == "x")
        #expect((differences[2]["production"] as? [String: Any])?["ip"] as? String == "10.0.0.2/8")

        // The patch puts the two copies back and takes the new row out.
        let patch = try production.diff("log", ["--format", "sql"])
        #expect(patch.status == 1)
        let applied = try CLI.run("psql", ["-X", "-q", "-v", "ON_ERROR_STOP=1", "-d", production.database],
                                  environment: production.environment, input: patch.output)
        #expect(applied.status == 0, "\(applied.errors)")
        let again = try production.diff("log")
        #expect(again.status == 0, "\(again.text)")
    }

    /// An `updated_at` trigger stamps every row a patch writes, so the patch as it
    /// stands cannot bring the rows back: the report and the patch say so, and the
    /// patch carries the statements that turn the trigger off, commented out.
    @Test func aTriggerThatStampsPatchedRowsIsSaidAndThePatchCanTurnItOff() throws {
        let production = try Production("diff_trigger", """
            CREATE TABLE users (id int PRIMARY KEY, email text, updated_at timestamptz NOT NULL DEFAULT '2026-01-01');
            INSERT INTO users (id, email) SELECT g, 'u' || g || '@example.com' FROM generate_series(1, 50) g;
            """)
        try production.psql("""
            CREATE FUNCTION stamp() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN NEW.updated_at := now(); RETURN NEW; END $$;
            CREATE TRIGGER stamp BEFORE INSERT OR UPDATE ON users FOR EACH ROW EXECUTE FUNCTION stamp();
            UPDATE users SET email = NULL WHERE id <= 10;
            """)
        let report = try production.diff("users")
        #expect(report.status == 1)
        #expect(report.text.contains("note: BEFORE triggers on production's table (stamp) fire on every row a repair writes"),
                "\(report.text)")
        let (_, summary, _) = try production.json("users")
        #expect(summary["firingTriggers"] as? [String] == ["stamp"])

        let patch = try production.diff("users", ["--format", "sql"])
        #expect(patch.text.contains("\n-- ALTER TABLE ONLY \"public\".\"users\" DISABLE TRIGGER \"stamp\";\n"), "\(patch.text)")
        #expect(patch.text.hasSuffix("-- ALTER TABLE ONLY \"public\".\"users\" ENABLE TRIGGER \"stamp\";\nCOMMIT;\n"), "\(patch.text)")
        func run(_ sql: Data) throws {
            let applied = try CLI.run("psql", ["-X", "-q", "-v", "ON_ERROR_STOP=1", "-d", production.database],
                                      environment: production.environment, input: sql)
            #expect(applied.status == 0, "\(applied.errors)")
        }
        // As it stands, the trigger stamps the patched rows: they still differ.
        try run(patch.output)
        #expect(try production.diff("users").status == 1)
        // With the trigger off inside the patch's transaction, the rows are the backup's.
        let fresh = try production.diff("users", ["--format", "sql"])
        try run(Data(fresh.text.replacingOccurrences(of: "\n-- ALTER TABLE", with: "\nALTER TABLE").utf8))
        let again = try production.diff("users")
        #expect(again.status == 0, "\(again.text)")
        #expect(try production.psql("SELECT count(*) FROM pg_trigger WHERE tgname = 'stamp' AND tgenabled = 'O'") == "1")
    }

    // MARK: schema drift

    @Test func schemaDriftIsReportedAndSharedColumnsAreStillCompared() throws {
        let production = try Production("diff_drift", """
            CREATE TABLE drift (id integer PRIMARY KEY, keep text, gone text, old_name date, amount integer);
            INSERT INTO drift SELECT g, 'k' || g, 'g', '2024-01-01', g FROM generate_series(1, 5) g;
            """)
        try production.psql("""
            ALTER TABLE drift DROP COLUMN gone;
            ALTER TABLE drift RENAME COLUMN old_name TO new_name;
            ALTER TABLE drift ALTER COLUMN amount TYPE bigint;
            ALTER TABLE drift ADD COLUMN extra jsonb;
            UPDATE drift SET keep = 'changed' WHERE id = 2;
            UPDATE drift SET amount = 300 WHERE id = 3;
            UPDATE drift SET new_name = '2025-01-01', extra = '{}' WHERE id = 4;
            """)
        let (status, summary, differences) = try production.json("drift")
        #expect(status == 1)
        let drift = try #require(summary["schemaDrift"] as? [String: Any])
        #expect(drift["dropped"] as? [String] == ["gone"])
        #expect(drift["added"] as? [String] == ["extra"])
        #expect(drift["renamed"] as? [[String: String]] == [["backup": "old_name", "production": "new_name", "type": "date"]])
        #expect(drift["retyped"] as? [[String: String]] == [["column": "amount", "backup": "integer", "production": "bigint"]])
        #expect(summary["columns"] as? [String] == ["id", "keep", "amount"])
        #expect(Self.counts(summary) == [0, 0, 2])
        #expect(Self.changedColumns(summary) == ["keep": 1, "amount": 1])
        #expect(differences.map { ($0["key"] as? [String: String])?["id"] } == ["2", "3"])

        let text = try production.diff("drift")
        #expect(text.text.contains("""
            schema drift:
              dropped in production: gone (text)
              added in production: extra
            """), "\(text.text)")
        #expect(text.text.contains("  to restore gone: add it to production again, then apply --columns gone\n"), "\(text.text)")
        #expect(drift["droppedTypes"] as? [String: String] == ["gone": "text"])
        #expect(text.text.contains("renamed?: old_name -> new_name (date; not compared)"), "\(text.text)")

        // Drift alone is a difference.
        try production.psql("UPDATE drift SET keep = 'k2' WHERE id = 2; UPDATE drift SET amount = 3 WHERE id = 3")
        let driftOnly = try production.json("drift")
        #expect(driftOnly.status == 1 && Self.counts(driftOnly.summary) == [0, 0, 0])
    }

    // MARK: formats

    @Test func theSQLPatchBringsProductionBackToTheBackup() throws {
        let production = try Production("diff_patch", Self.everyType + """
            CREATE TABLE ident (id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY, v text);
            INSERT INTO ident (v) VALUES ('a'), ('b');
            """)
        try production.psql(Self.otherOutputSettings)
        try production.psql(#"""
            UPDATE every SET tz = now(), r = 1.5, dp = 'NaN', b = '\xdead', ia = '{9}', jb = '{"x": 1}', j = '{"y":2}',
              ip = '192.168.0.1', m = 'sad', t = 'changed', l = NULL, flag = NOT flag, c = 'zz', iv = '1 sec' WHERE id = 1;
            DELETE FROM every WHERE id IN (2, 4);
            UPDATE every SET t = '', l = '' WHERE id = 3;
            INSERT INTO every (id, t, n) VALUES (6, 'new', 1), (-1, NULL, 'NaN');
            DELETE FROM ident WHERE v = 'a';
            INSERT INTO ident (v) VALUES ('c');
            """#)
        for table in ["every", "ident"] {
            let patch = try production.diff(table, ["--format", "sql"])
            #expect(patch.status == 1, "\(patch.errors)")
            #expect(patch.text.hasPrefix("-- public.\(table): backup of "), "\(patch.text)")
            #expect(patch.text.hasSuffix("COMMIT;\n"), "\(patch.text)")
            let applied = try CLI.run("psql", ["-X", "-q", "-v", "ON_ERROR_STOP=1", "-d", production.database],
                                      environment: production.environment, input: patch.output)
            #expect(applied.status == 0, "\(table): \(applied.errors)\n\(patch.text)")
            let again = try production.diff(table)
            #expect(again.status == 0, "\(table): \(again.text)")
        }
        // Cut short by --limit, the patch commits nothing.
        try production.psql("DELETE FROM every")
        let cut = try production.diff("every", ["--format", "sql", "--limit", "1"])
        #expect(cut.text.hasSuffix("not committing\nROLLBACK;\n"), "\(cut.text)")
    }

    @Test func csvIsAHeaderThenOneLinePerDifference() throws {
        let production = try Production("diff_csv", """
            CREATE TABLE t (id integer PRIMARY KEY, a text, b text);
            INSERT INTO t VALUES (1, 'x', 'y'), (2, 'p', 'q'), (3, 'gone', NULL);
            """)
        try production.psql(#"""
            UPDATE t SET a = E'multi\nline, "quoted"', b = NULL WHERE id = 1;
            DELETE FROM t WHERE id = 3;
            INSERT INTO t VALUES (4, '', 'new');
            """#)
        let outcome = try production.diff("t", ["--format", "csv"])
        #expect(outcome.status == 1)
        let rows = Self.parseCSV(outcome.text)
        #expect(rows.first == ["change", "id", "column", "backup", "production"])
        #expect(rows.count == 5, "\(rows)")
        guard rows.count == 5 else { return }
        #expect(rows[1] == ["changed", "1", "a", "x", "multi\nline, \"quoted\""])
        #expect(rows[2] == ["changed", "1", "b", "y", ""])
        #expect(rows[3][0] == "deleted" && rows[3][1] == "3" && rows[3][2].isEmpty && rows[3][4].isEmpty)
        let deleted = try JSONSerialization.jsonObject(with: Data(rows[3][3].utf8)) as? [String: Any]
        #expect(deleted?["a"] as? String == "gone" && deleted?["b"] is NSNull)
        #expect(rows[4][0] == "inserted" && rows[4][1] == "4" && rows[4][3].isEmpty)
        let inserted = try JSONSerialization.jsonObject(with: Data(rows[4][4].utf8)) as? [String: Any]
        #expect(inserted?["a"] as? String == "" && inserted?["b"] as? String == "new")
    }

    /// RFC 4180: quoted fields, doubled quotes, line feeds inside quotes.
    private static func parseCSV(_ text: String) -> [[String]] {
        var rows: [[String]] = [], row: [String] = [], field = "", quoted = false
        var characters = text.makeIterator()
        var pending: Character?
        while let character = pending ?? characters.next() {
            pending = nil
            if quoted {
                if character == "\"" {
                    let next = characters.next()
                    if next == "\"" { field.append("\"") } else { quoted = false; pending = next }
                } else {
                    field.append(character)
                }
                continue
            }
            switch character {
            case "\"": quoted = true
            case ",": row.append(field); field = ""
            case "\n": row.append(field); rows.append(row); row = []; field = ""
            default: field.append(character)
            }
        }
        return rows
    }

    // MARK: --where, read-only, trouble

    @Test func whereRestrictsBothSides() throws {
        let production = try Production("diff_where", """
            CREATE TABLE t (id integer PRIMARY KEY, region text, v integer);
            INSERT INTO t SELECT g, CASE WHEN g % 2 = 0 THEN 'even' ELSE 'odd' END, g FROM generate_series(1, 20) g;
            """)
        try production.psql("""
            UPDATE t SET v = 0 WHERE id IN (2, 3);
            DELETE FROM t WHERE id IN (4, 5);
            INSERT INTO t VALUES (22, 'even', 22), (23, 'odd', 23);
            """)
        let (status, summary, differences) = try production.json("t", ["--where", "region = 'even'"])
        #expect(status == 1)
        #expect(summary["where"] as? String == "region = 'even'")
        #expect((summary["backupReadFrom"] as? String ?? "").contains("sidecar"))
        #expect(summary["backupRows"] as? Int == 10 && summary["productionRows"] as? Int == 10)
        #expect(Self.counts(summary) == [1, 1, 1])
        #expect(differences.map { ($0["key"] as? [String: String])?["id"] } == ["2", "4", "22"])

        let none = try production.json("t", ["--where", "id > 100"])
        #expect(none.status == 0 && Self.counts(none.summary) == [0, 0, 0] && none.summary["backupRows"] as? Int == 0)

        let broken = try production.diff("t", ["--where", "id >"])
        #expect(broken.status == 2)
        #expect(broken.errors.contains("--where"), "\(broken.errors)")
        #expect(broken.errors.split(separator: "\n").count == 1, "\(broken.errors)")
        #expect(broken.output.isEmpty)
    }

    @Test func productionIsReadOnlyAndUntouched() throws {
        let production = try Production("diff_readonly", """
            CREATE TABLE t (id integer PRIMARY KEY, v text);
            INSERT INTO t SELECT g, 'v' FROM generate_series(1, 10) g;
            CREATE TABLE audit (at timestamptz);
            CREATE FUNCTION bump() RETURNS boolean LANGUAGE sql VOLATILE AS 'INSERT INTO audit VALUES (now()) RETURNING true';
            """)
        let before = try production.psql("SELECT n_tup_ins, n_tup_upd, n_tup_del FROM pg_stat_user_tables WHERE relname = 't'")
        #expect(try production.diff("t").status == 0)
        let writing = try production.diff("t", ["--where", "bump()"])
        #expect(writing.status == 2)
        #expect(writing.errors.split(separator: "\n").count == 1, "\(writing.errors)")
        #expect(try production.psql("SELECT count(*) FROM audit") == "0")
        #expect(try production.psql("SELECT pg_stat_force_next_flush(); SELECT n_tup_ins, n_tup_upd, n_tup_del FROM pg_stat_user_tables WHERE relname = 't'")
            .hasSuffix(before))
    }

    // MARK: scale

    @Test func aMillionRowsWithAFewHundredChanges() throws {
        let production = try Production("diff_big", """
            CREATE TABLE big (id integer PRIMARY KEY, v text, n integer);
            INSERT INTO big SELECT g, md5(g::text), g % 1000 FROM generate_series(1, 1000000) g;
            """)
        try production.psql("""
            DELETE FROM big WHERE id % 10000 = 1;
            INSERT INTO big SELECT g, 'new', 0 FROM generate_series(1000001, 1000150) g;
            UPDATE big SET v = 'changed' WHERE id % 10000 = 5000;
            UPDATE big SET n = -1 WHERE id % 20000 = 7;
            """)
        let (status, summary, differences) = try production.json("big", ["--limit", "0"])
        #expect(status == 1)
        #expect(summary["backupReadFrom"] as? String == "the archive")
        #expect(summary["backupRows"] as? Int == 1_000_000 && summary["productionRows"] as? Int == 1_000_050)
        #expect(Self.counts(summary) == [100, 150, 150])
        #expect(Self.changedColumns(summary) == ["v": 100, "n": 50])
        #expect(differences.isEmpty)
    }
}
