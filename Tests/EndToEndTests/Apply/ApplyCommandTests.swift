import Foundation
import TestSupport
import Testing

@Suite struct ApplyModeTests {
    @Test func aDryRunPlansTheMergeAndWritesNothing() throws {
        let items = try DamagedItems("apply_dry")
        let before = try items.db.dump()
        let plan = try items.db.applyReport(items.archive, "items", [])
        #expect(plan["executed"] as? Bool == false)
        #expect(plan["inserted"] as? Int == 50)
        #expect(plan["updated"] as? Int == 150)
        #expect(plan["deleted"] as? Int == 40)
        #expect(plan["backupRows"] as? Int == 3000)
        let columns = (plan["changedColumns"] as? [[String: Any]] ?? []).map { "\($0["column"]!)=\($0["rows"]!)" }
        #expect(columns.sorted() == ["grp=0", "name=100", "note=0", "qty=100"])
        let text = try items.db.apply(items.archive, "items", ["--mode", "replace"])
        #expect(text.status == 3, "\(text.errors)")
        #expect(text.text.contains("DRY RUN"), "\(text.text)")
        #expect(text.text.contains("to update: 2950 rows"), "\(text.text)")
        #expect(try items.db.dump() == before)
        #expect(try items.db.hash("items") == items.damaged)
    }

    @Test func mergeWritesOnlyTheDifferenceAndTheUndoArchivePutsItBack() throws {
        let items = try DamagedItems("apply_merge")
        let untouchedRowVersion = try items.db.psql("SELECT xmin FROM items WHERE id = 2000")
        let report = try items.db.applyReport(items.archive, "items", ["--execute", "--undo", items.undo])
        #expect(report["executed"] as? Bool == true)
        #expect(report["inserted"] as? Int == 50 && report["updated"] as? Int == 150 && report["deleted"] as? Int == 40)
        // Only the rows it changes: the 150 updated and the 40 deleted, as they were.
        #expect(report["undoRows"] as? Int == 190)
        #expect(try items.db.hash("items") == items.backedUp)
        #expect(try items.db.diff(items.archive, "items").status == 0)
        #expect(try items.db.psql("SELECT xmin FROM items WHERE id = 2000") == untouchedRowVersion)

        let undone = try items.db.apply(items.undo, "items", ["--mode", "replace", "--execute", "--undo", items.db.scratch.file("u2.gz")])
        #expect(undone.status == 0, "\(undone.errors)")
        #expect(try items.db.hash("items") == items.damaged)

        // The undo archive is never written over by a later apply.
        let undoBytes = try Data(contentsOf: URL(fileURLWithPath: items.undo))
        let again = try items.db.apply(items.archive, "items", ["--execute", "--undo", items.undo])
        #expect(again.status == 2)
        #expect(again.errors.contains("exists already"), "\(again.errors)")
        #expect(try Data(contentsOf: URL(fileURLWithPath: items.undo)) == undoBytes)
        #expect(try items.db.hash("items") == items.damaged)
    }

    @Test func replaceRewritesEveryRowAndKeepsWhatDependsOnTheTable() throws {
        let items = try DamagedItems("apply_replace", extraSetup: """
            CREATE VIEW cheap AS SELECT id, name FROM items WHERE qty < 10;
            CREATE TABLE orders (id int PRIMARY KEY, item int REFERENCES items);
            INSERT INTO orders SELECT i, 300 + i FROM generate_series(1, 10) i;
            GRANT SELECT ON items TO reader;
            ALTER TABLE items ENABLE ROW LEVEL SECURITY;
            CREATE POLICY readers ON items FOR SELECT TO reader USING (grp = 1);
            CREATE FUNCTION touch() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NEW; END $$;
            CREATE TRIGGER touch BEFORE UPDATE ON items FOR EACH ROW EXECUTE FUNCTION touch();
            """)
        let dependents = """
            SELECT (SELECT count(*) FROM cheap), has_table_privilege('reader', 'items', 'SELECT'),
                   (SELECT count(*) FROM pg_constraint WHERE conname = 'orders_item_fkey' AND confrelid = 'items'::regclass),
                   (SELECT count(*) FROM pg_policy WHERE polname = 'readers' AND polrelid = 'items'::regclass),
                   (SELECT count(*) FROM pg_trigger WHERE tgname = 'touch' AND tgrelid = 'items'::regclass AND tgenabled = 'O')
            """
        let oldVersion = try items.db.psql("SELECT xmin FROM items WHERE id = 2000")
        let report = try items.db.applyReport(items.archive, "items", ["--mode", "replace", "--execute", "--undo", items.undo])
        #expect(report["inserted"] as? Int == 50 && report["updated"] as? Int == 2950 && report["deleted"] as? Int == 40)
        #expect(try items.db.hash("items") == items.backedUp)
        #expect(try items.db.diff(items.archive, "items").status == 0)
        #expect(try items.db.psql("SELECT xmin FROM items WHERE id = 2000") != oldVersion)
        #expect(try items.db.psql(dependents) == "\(try items.db.psql("SELECT count(*) FROM items WHERE qty < 10"))|t|1|1|1")
    }

    @Test func missingOnlyReinsertsTheDeletedRows() throws {
        let items = try DamagedItems("apply_missing")
        let report = try items.db.applyReport(items.archive, "items", ["--mode", "missing", "--execute", "--undo", items.undo])
        #expect(report["inserted"] as? Int == 50 && report["updated"] as? Int == 0 && report["deleted"] as? Int == 0)
        try items.expectOnlyRestored("id <= 50", others: "id > 50")
    }

    @Test func columnsRestoreOnlyThoseColumnsOfRowsOnBothSides() throws {
        let items = try DamagedItems("apply_columns")
        let report = try items.db.applyReport(items.archive, "items", ["--columns", "qty", "--execute", "--undo", items.undo])
        #expect(report["inserted"] as? Int == 0 && report["updated"] as? Int == 100 && report["deleted"] as? Int == 0)
        let db = items.db
        // qty is the backup's wherever the row is on both sides; everything else is as the damage left it.
        #expect(try db.hash("items", "id, name, note, grp") == (try items.afterDamage("id, name, note, grp")))
        #expect(try db.hash("items", "id, qty", where: "id BETWEEN 51 AND 3000") == (try items.atBackup("id, qty", where: "id > 50")))
        #expect(try db.psql("SELECT count(*) FROM items WHERE id > 5000") == "40")
        #expect(try db.diff(items.archive, "items", ["--columns", "qty", "--where", "id BETWEEN 51 AND 3000"]).status == 0)
        #expect(try db.diff(items.archive, "items", ["--columns", "name", "--where", "id BETWEEN 51 AND 3000"]).status == 1)
    }

    @Test func whereLimitsEveryWriteToTheSubset() throws {
        let items = try DamagedItems("apply_where")
        let report = try items.db.applyReport(items.archive, "items", ["--where", "id <= 200", "--execute", "--undo", items.undo])
        #expect(report["inserted"] as? Int == 50 && report["updated"] as? Int == 101 && report["deleted"] as? Int == 0)
        try items.expectOnlyRestored("id <= 200", others: "id > 200")
    }

    @Test func replaceWithColumnsAndWhere() throws {
        let items = try DamagedItems("apply_both")
        let report = try items.db.applyReport(items.archive, "items",
                                              ["--mode", "replace", "--columns", "name", "--where", "id >= 200", "--execute",
                                               "--undo", items.undo])
        #expect(report["inserted"] as? Int == 0 && report["deleted"] as? Int == 0 && report["updated"] as? Int == 2801)
        let db = items.db
        #expect(try db.hash("items", "id, name", where: "id BETWEEN 200 AND 3000") == (try items.atBackup("id, name", where: "id >= 200")))
        #expect(try db.hash("items", "id, name", where: "id < 200 OR id > 3000") == (try items.afterDamage("id, name", where: "id < 200 OR id > 3000")))
        #expect(try db.hash("items", "id, qty, note, grp") == (try items.afterDamage("id, qty, note, grp")))
        #expect(try db.diff(items.archive, "items", ["--columns", "name", "--where", "id BETWEEN 200 AND 3000"]).status == 0)
    }

    /// Rows the bad change moved out of `--where`'s scope are brought back into it;
    /// the undo must still put every row back as it was, those ones too.
    @Test func thePrintedUndoCommandRestoresTheTableAfterAnApplyWithWhere() throws {
        let items = try DamagedItems("apply_undo_where")
        try items.db.psql("UPDATE items SET grp = 99, qty = -1 WHERE grp = 3 AND id BETWEEN 1000 AND 1200")
        let before = try items.db.hash("items")
        let outcome = try items.db.apply(items.archive, "items", ["--where", "grp = 3", "--execute", "--undo", items.undo])
        #expect(outcome.status == 0, "\(outcome.errors)")
        #expect(try items.db.hash("items", where: "grp = 3") == (try items.atBackup(where: "grp = 3")))
        #expect(try items.db.diff(items.archive, "items", ["--where", "grp = 3"]).status == 0)

        let line = outcome.text.split(separator: "\n").first { $0.hasPrefix("to undo: ") }
        let command = try #require(line).dropFirst("to undo: ".count)
        #expect(command.hasPrefix("pgscalpel apply "))
        let undone = try CLI.shell("'\(CLI.pgscalpel)'" + command.dropFirst("pgscalpel".count) + " --undo '\(items.db.scratch.file("u2.gz"))'",
                                   environment: items.db.env)
        #expect(undone.status == 0, "\(undone.errors)")
        #expect(try items.db.hash("items") == before)
    }
}

/// What apply must refuse, and what it must keep working around the table.
@Suite struct ApplySafetyTests {
    @Test func aDeleteThatOtherRowsStillReferenceStopsThePlanBeforeAnyWrite() throws {
        let items = try DamagedItems("apply_fk", extraSetup: "CREATE TABLE orders (id int PRIMARY KEY, item int);")
        try items.db.psql("""
            ALTER TABLE orders ADD CONSTRAINT orders_of_new_items FOREIGN KEY (item) REFERENCES items ON DELETE CASCADE;
            INSERT INTO orders VALUES (1, 5001), (2, 5001), (3, 5002), (4, 100);
            """)
        let orders = try items.db.hash("orders")
        for mode in ["merge", "replace"] {
            let outcome = try items.db.apply(items.archive, "items", ["--mode", mode, "--execute", "--undo", items.undo])
            #expect(outcome.status == 2)
            #expect(outcome.errors.contains("orders_of_new_items") && outcome.errors.contains("3 rows"), "\(outcome.errors)")
            #expect(try items.db.hash("items") == items.damaged)
            #expect(try items.db.hash("orders") == orders)
            #expect(!FileManager.default.fileExists(atPath: items.undo))
        }
        // Inserting the deleted rows deletes nothing: allowed.
        let missing = try items.db.applyReport(items.archive, "items", ["--mode", "missing", "--execute", "--undo", items.undo])
        #expect(missing["inserted"] as? Int == 50)
        #expect(try items.db.hash("orders") == orders)
    }

    @Test func sequencesAndIdentityColumnsMovePastTheRestoredRows() throws {
        let db = try ApplyDatabase("apply_seq", """
            CREATE TABLE serials (id serial PRIMARY KEY, v text);
            CREATE TABLE identities (id int GENERATED ALWAYS AS IDENTITY PRIMARY KEY, v text);
            INSERT INTO serials (v) SELECT 's' || i FROM generate_series(1, 100) i;
            INSERT INTO identities (v) SELECT 'i' || i FROM generate_series(1, 100) i;
            """)
        let archive = try db.backup()
        // The newest rows are lost and the sequences set back, as after a botched cleanup.
        try db.psql("""
            DELETE FROM serials WHERE id > 40; SELECT setval('serials_id_seq', 40);
            DELETE FROM identities WHERE id > 40; ALTER TABLE identities ALTER COLUMN id RESTART WITH 41;
            """)
        for table in ["serials", "identities"] {
            let report = try db.applyReport(archive, table, ["--mode", "missing", "--execute", "--undo", db.scratch.file("\(table).gz")])
            #expect(report["inserted"] as? Int == 60)
            #expect((report["sequences"] as? [String])?.count == 1)
            #expect(try db.diff(archive, table).status == 0)
            #expect(try db.psql("INSERT INTO \(table) (v) VALUES ('new') RETURNING id") == "101")
        }
    }

    @Test func generatedColumnsAreDerivedAndTriggersFireUnlessDisabled() throws {
        let db = try ApplyDatabase("apply_trg", """
            CREATE TABLE lines (id int PRIMARY KEY, price numeric NOT NULL, qty int NOT NULL,
                                total numeric GENERATED ALWAYS AS (price * qty) STORED);
            INSERT INTO lines SELECT i, i / 4.0, i % 7 FROM generate_series(1, 1000) i;
            CREATE TABLE audit (op text, id int);
            CREATE FUNCTION audit() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN INSERT INTO audit VALUES (TG_OP, coalesce(NEW.id, OLD.id)); RETURN NULL; END $$;
            CREATE TRIGGER audit AFTER INSERT OR UPDATE OR DELETE ON lines FOR EACH ROW EXECUTE FUNCTION audit();
            CREATE TRIGGER dormant AFTER INSERT ON lines FOR EACH ROW EXECUTE FUNCTION audit();
            ALTER TABLE lines DISABLE TRIGGER dormant;
            """)
        let archive = try db.backup()
        let damage = "UPDATE lines SET price = price * 10 WHERE id <= 10; DELETE FROM lines WHERE id > 995; TRUNCATE audit;"
        let wrong = "SELECT count(*) FROM lines WHERE total IS DISTINCT FROM price * qty"
        let triggers = "SELECT string_agg(tgname || '=' || tgenabled::text, ',' ORDER BY tgname) FROM pg_trigger WHERE tgrelid = 'lines'::regclass"
        try db.psql(damage)
        let report = try db.applyReport(archive, "lines", ["--execute", "--undo", db.scratch.file("u1.gz")])
        #expect(report["inserted"] as? Int == 5 && report["updated"] as? Int == 10)
        #expect(try db.diff(archive, "lines").status == 0)
        #expect(try db.psql(wrong) == "0")
        #expect(try db.psql("SELECT op || ' ' || count(*) FROM audit GROUP BY op ORDER BY op") == "INSERT 5\nUPDATE 10")

        try db.psql(damage)
        let quiet = try db.applyReport(archive, "lines", ["--execute", "--disable-triggers", "--undo", db.scratch.file("u2.gz")])
        #expect(quiet["inserted"] as? Int == 5 && quiet["updated"] as? Int == 10)
        #expect(try db.diff(archive, "lines").status == 0)
        #expect(try db.psql(wrong) == "0")
        #expect(try db.psql("SELECT count(*) FROM audit") == "0")
        // The triggers are as they were: on, and the dormant one still off.
        #expect(try db.psql(triggers) == "audit=O,dormant=D")
    }

    /// A backup of another database is most often the wrong file: the plan, the
    /// report and diff say so, and nothing refuses (a renamed database, a copy).
    @Test func aBackupOfAnotherDatabaseIsSaidNotRefused() throws {
        let table = "CREATE TABLE t (id int PRIMARY KEY, v text); INSERT INTO t VALUES (1, 'a')"
        let db = try ApplyDatabase("apply_origin", table + ", (2, 'b');")
        let other = try ApplyDatabase("apply_origin_other", table + ";")
        let archive = try db.backup()
        let same = try db.apply(archive, "t", [])
        #expect(same.status == 0 && !same.text.contains("note:"), "\(same.text)")
        #expect(same.text.hasPrefix("apply public.t from \(archive) (backup of \(db.name) at 20"), "\(same.text)")

        let note = "\nnote: the archive is a backup of database \(db.name), and this writes to database \(other.name)\n"
        let plan = try other.apply(archive, "t", [])
        #expect(plan.status == 3 && plan.text.contains(note), "\(plan.text)")
        let diff = try other.diff(archive, "t")
        #expect(diff.text.contains("\nnote: the archive is a backup of database \(db.name), and production here is database \(other.name)\n"),
                "\(diff.text)")
        let json = try other.diff(archive, "t", ["--format", "json"])
        let summary = (try JSONSerialization.jsonObject(with: json.output) as? [String: Any])?["summary"] as? [String: Any]
        #expect(summary?["backupDatabase"] as? String == db.name && summary?["productionDatabase"] as? String == other.name)

        let undo = other.scratch.file("u.gz")
        let report = try other.applyReport(archive, "t", ["--execute", "--undo", undo])
        #expect(report["backupDatabase"] as? String == db.name && report["targetDatabase"] as? String == other.name)
        #expect(report["inserted"] as? Int == 1 && report["executed"] as? Bool == true)
        // The undo archive is a backup of the database it was taken from.
        let back = try other.apply(undo, "t", ["--mode", "replace"])
        #expect(back.status == 3 && !back.text.contains("note:"), "\(back.text)")
    }

    /// An application role may write rows but not own the table or its sequence:
    /// the dry run says what `--execute` would lack (exit 1), `--execute` refuses
    /// before it locks or writes anything, and a sequence is moved (and so needs
    /// privileges) only when rows are re-inserted.
    @Test func aRoleThatMayNotExecuteIsToldByTheDryRun() throws {
        let db = try ApplyDatabase("apply_role", """
            CREATE TABLE t (id serial PRIMARY KEY, v text);
            INSERT INTO t (v) SELECT 'v' || i FROM generate_series(1, 100) i;
            """)
        let (role, asRole) = try db.role(granted: "SELECT, INSERT, UPDATE, DELETE", on: "t")
        defer { _ = try? db.psql("DROP OWNED BY \(role); DROP ROLE \(role)") }
        let archive = try db.backup()
        try db.psql("DELETE FROM t WHERE id > 95; UPDATE t SET v = 'x' WHERE id <= 3")
        func apply(_ options: [String]) throws -> CLI.Outcome { try db.apply(archive, "t", options, environment: asRole) }
        let before = try db.hash("t")

        let plan = try apply([])
        #expect(plan.status == 1, "\(plan.errors)")
        #expect(plan.text.contains("\n--execute would be refused: role \(role) lacks SELECT and UPDATE on sequence "
            + "t_id_seq (to move it past the restored values)\n"), "\(plan.text)")
        let json = try apply(["--disable-triggers", "--json"])
        #expect(json.status == 1)
        let report = try JSONSerialization.jsonObject(with: json.output) as? [String: Any]
        #expect(report?["role"] as? String == role)
        #expect((report?["lackingPrivileges"] as? [String])?.count == 2)

        let refused = try apply(["--execute", "--undo", db.scratch.file("r.gz")])
        #expect(refused.status == 2)
        #expect(refused.errors.hasPrefix("pgscalpel: role \(role) may not apply this to public.t: it lacks SELECT and UPDATE on sequence"),
                "\(refused.errors)")
        #expect(try db.hash("t") == before)
        #expect(!FileManager.default.fileExists(atPath: db.scratch.file("r.gz")))

        // Rewriting a column inserts nothing: no sequence to move, nothing lacking.
        let columns = try apply(["--columns", "v"])
        #expect(columns.status == 3 && !columns.text.contains("refused") && !columns.text.contains("sequence"), "\(columns.text)")
        #expect(try apply(["--columns", "v", "--execute", "--undo", db.scratch.file("c.gz")]).status == 0)
        #expect(try db.psql("SELECT v FROM t WHERE id = 2") == "v2")

        try db.psql("REVOKE UPDATE, DELETE ON t FROM \(role)")
        let noLock = try apply(["--mode", "missing", "--execute", "--undo", db.scratch.file("l.gz")])
        #expect(noLock.status == 2)
        #expect(noLock.errors.contains("it lacks UPDATE, DELETE or TRUNCATE on the table (to lock it against writers); nothing"),
                "\(noLock.errors)")
        try db.psql("GRANT UPDATE ON t TO \(role); GRANT SELECT, UPDATE ON t_id_seq TO \(role)")
        let missing = try apply(["--mode", "missing"])
        #expect(missing.status == 3 && !missing.text.contains("refused"), "\(missing.text)")
        #expect(try apply(["--mode", "missing", "--execute", "--undo", db.scratch.file("m.gz")]).status == 0)
        #expect(try db.psql("SELECT count(*), max(id) FROM t") == "100|100")
        #expect(try db.psql("SELECT last_value FROM t_id_seq") == "100")

        // A policy that shows the role some rows would make the others look deleted.
        try db.psql("ALTER TABLE t ENABLE ROW LEVEL SECURITY; CREATE POLICY few ON t TO \(role) USING (id <= 10)")
        let hidden = "row-level security hides rows of public.t from role \(role), and "
        let diff = try CLI.pgscalpel(["diff", archive, "-t", "t", "--against", db.name], environment: asRole)
        #expect(diff.status == 2 && diff.errors.hasPrefix("pgscalpel: " + hidden + "diff must see every row"), "\(diff.errors)")
        let hiddenPlan = try apply([])
        #expect(hiddenPlan.status == 2 && hiddenPlan.errors.hasPrefix("pgscalpel: " + hidden + "apply must see every row"),
                "\(hiddenPlan.errors)")
        #expect(try db.diff(archive, "t").status == 0)
    }

    /// Column grants count column by column: a role that may update one column
    /// can restore that column, and the plan names each column it may not write.
    @Test func columnGrantsAreCheckedColumnByColumn() throws {
        let db = try ApplyDatabase("apply_column_grant", """
            CREATE TABLE t (id int PRIMARY KEY, a text, b text);
            INSERT INTO t SELECT i, 'a' || i, 'b' || i FROM generate_series(1, 20) i;
            """)
        // DELETE on the table lets it take the lock, which column grants do not.
        let (role, asRole) = try db.role(granted: "SELECT, DELETE, UPDATE (a)", on: "t")
        defer { _ = try? db.psql("DROP OWNED BY \(role); DROP ROLE \(role)") }
        let archive = try db.backup()
        try db.psql("UPDATE t SET a = 'x', b = 'y' WHERE id <= 2")
        func apply(_ options: [String]) throws -> CLI.Outcome { try db.apply(archive, "t", options, environment: asRole) }
        let merge = try apply([])
        #expect(merge.status == 1)
        #expect(merge.text.contains("\n--execute would be refused: role \(role) lacks UPDATE on column b\n"), "\(merge.text)")
        #expect(try apply(["--columns", "a"]).status == 3)
        #expect(try apply(["--columns", "a", "--execute", "--undo", db.scratch.file("a.gz")]).status == 0)
        #expect(try db.psql("SELECT string_agg(a || b, ',' ORDER BY id) FROM t WHERE id <= 2") == "a1y,a2y")
    }

    /// Where the undo archive cannot go is found before the table is locked.
    @Test func anUnwritableUndoFolderRefusesBeforeAnything() throws {
        let db = try ApplyDatabase("apply_undo_folder", "CREATE TABLE t (id int PRIMARY KEY, v text); INSERT INTO t VALUES (1, 'a');")
        let archive = try db.backup()
        try db.psql("UPDATE t SET v = 'b'")
        let refused = try db.apply(archive, "t", ["--execute", "--undo", db.scratch.file("missing/undo.gz")])
        #expect(refused.status == 2)
        #expect(refused.errors == "pgscalpel: cannot write the undo archive into \(db.scratch.file("missing")): "
            + "No such file or directory; give --undo a path where it can go\n")
        #expect(try db.psql("SELECT v FROM t") == "b")
    }

    @Test func aDroppedColumnIsLeftOutAndADroppedKeyColumnRefuses() throws {
        let db = try ApplyDatabase("apply_drift", """
            CREATE TABLE people (id int PRIMARY KEY, name text, age int, email text, "user" varchar(20));
            INSERT INTO people SELECT i, 'p' || i, i % 90, 'p' || i || '@example.com', 'u' || i FROM generate_series(1, 500) i;
            CREATE TABLE tags (id int PRIMARY KEY, tag text);
            INSERT INTO tags SELECT i, 't' || i FROM generate_series(1, 50) i;
            """)
        let archive = try db.backup()
        try db.psql("""
            ALTER TABLE people DROP COLUMN email, DROP COLUMN "user";
            UPDATE people SET age = -1 WHERE id <= 20; DELETE FROM people WHERE id > 490;
            """)
        let dryRun = try db.apply(archive, "people", [])
        #expect(dryRun.text.contains("""
            schema drift (only the columns on both sides are restored):
              dropped in production: email (text), user (character varying(20))
              to restore email,user: add them to production again, then apply --columns email,user
            """), "\(dryRun.text)")
        let report = try db.applyReport(archive, "people", ["--execute", "--undo", db.scratch.file("u.gz")])
        let drift = report["schemaDrift"] as? [String: Any]
        #expect(drift?["dropped"] as? [String] == ["email", "user"])
        #expect(drift?["droppedTypes"] as? [String: String] == ["email": "text", "user": "character varying(20)"])
        #expect(report["inserted"] as? Int == 10 && report["updated"] as? Int == 20)
        let diff = try db.diff(archive, "people", ["--format", "json"])
        let summary = (try JSONSerialization.jsonObject(with: diff.output) as? [String: Any])?["summary"] as? [String: Any]
        #expect(summary?["deleted"] as? Int == 0 && summary?["inserted"] as? Int == 0 && summary?["changed"] as? Int == 0, "\(diff.text)")

        // The dropped columns come back in two steps: the operator adds them, as the
        // refusal says (pgscalpel changes no definition in production), then --columns.
        let refused = try db.apply(archive, "people", ["--columns", "user", "--execute", "--undo", db.scratch.file("r.gz")])
        #expect(refused.status == 2)
        #expect(refused.errors == "pgscalpel: --columns: user was dropped from production's public.people; add it back "
            + "(ALTER TABLE public.people ADD COLUMN \"user\" character varying(20)), then run this again\n")
        #expect(!FileManager.default.fileExists(atPath: db.scratch.file("r.gz")))
        try db.psql(#"ALTER TABLE people ADD COLUMN email text, ADD COLUMN "user" character varying(20)"#)
        let restored = try db.applyReport(archive, "people", ["--columns", "email,user", "--execute", "--undo", db.scratch.file("c.gz")])
        #expect(restored["updated"] as? Int == 500 && restored["inserted"] as? Int == 0 && restored["deleted"] as? Int == 0)
        #expect(try db.psql(#"SELECT email || ' ' || "user" FROM people WHERE id = 7"#) == "p7@example.com u7")
        let after = try db.diff(archive, "people", [])
        #expect(after.status == 0, "\(after.text)")

        try db.psql("ALTER TABLE tags DROP COLUMN id; UPDATE tags SET tag = 'x';")
        let tags = try db.psql("SELECT string_agg(tag, ',') FROM tags")
        let keyRefused = try db.apply(archive, "tags", ["--execute", "--undo", db.scratch.file("t.gz")])
        #expect(keyRefused.status == 2)
        #expect(keyRefused.errors.contains("key column id"), "\(keyRefused.errors)")
        #expect(try db.psql("SELECT string_agg(tag, ',') FROM tags") == tags)
    }

    /// The archive's SQL is only read: a dump whose table definition carries
    /// another statement must not get it run on production.
    @Test func aTamperedArchiveRunsNoSQL() throws {
        let db = try ApplyDatabase("apply_tamper", """
            CREATE TABLE t (id int PRIMARY KEY, v text);
            INSERT INTO t SELECT i, 'v' || i FROM generate_series(1, 100) i;
            CREATE TABLE victim (id int);
            """)
        let plain = try CLI.run("pg_dump", [db.name], environment: db.env)
        #expect(plain.status == 0)
        let definition = "CREATE TABLE public.t (\n    id integer NOT NULL,\n    v text\n);\n"
        #expect(plain.text.contains(definition))
        let tampered = plain.text.replacingOccurrences(
            of: definition, with: definition + "DROP TABLE public.victim;\nSELECT pg_catalog.set_config('search_path', 'x', false);\n")
            .replacingOccurrences(of: "COPY public.t (id, v) FROM stdin;\n",
                                  with: "COPY public.t (id, v) FROM stdin;\n101\tx'); DROP TABLE public.victim; --\n")
        let archive = db.scratch.file("tampered.scalpel.sql.gz")
        let pack = try CLI.pgscalpel(["pack", "-f", archive], input: Data(tampered.utf8))
        #expect(pack.status == 0, "\(pack.errors)")
        try db.psql("DELETE FROM t WHERE id <= 10")
        let report = try db.applyReport(archive, "t", ["--execute", "--undo", db.scratch.file("u.gz")])
        #expect(report["inserted"] as? Int == 11)
        #expect(try db.psql("SELECT to_regclass('public.victim') IS NOT NULL") == "t")
        #expect(try db.psql("SELECT v FROM t WHERE id = 101") == "x'); DROP TABLE public.victim; --")
    }
}

/// Apply locks only its own table, and only for as long as --lock-timeout allows.
@Suite struct ApplyConcurrencyTests {
    @Test func aWriterHoldingTheTableMakesApplyGiveUpCleanly() throws {
        let items = try DamagedItems("apply_lock")
        let holder = Process()
        holder.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        holder.arguments = ["psql", "-X", "-q", "-d", items.db.name, "-c",
                            "BEGIN; UPDATE items SET qty = 0 WHERE id = 2000; SELECT pg_sleep(60);"]
        holder.environment = ProcessInfo.processInfo.environment.merging(items.db.env) { $1 }.merging(["PGAPPNAME": "holder"]) { $1 }
        holder.standardOutput = FileHandle.nullDevice
        holder.standardError = FileHandle.nullDevice
        try holder.run()
        defer {
            _ = try? items.db.psql("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = 'holder'")
            holder.waitUntilExit()
        }
        let deadline = Date().addingTimeInterval(20)
        while try items.db.psql("SELECT count(*) FROM pg_stat_activity WHERE application_name = 'holder' AND wait_event = 'PgSleep'") != "1" {
            try #require(Date() < deadline)
            usleep(20_000)
        }
        let started = Date()
        let outcome = try items.db.apply(items.archive, "items", ["--execute", "--lock-timeout", "1s", "--undo", items.undo])
        #expect(Date().timeIntervalSince(started) < 10)
        #expect(outcome.status == 2)
        #expect(outcome.errors.contains("lock"), "\(outcome.errors)")
        #expect(outcome.errors.split(separator: "\n").count == 1, "\(outcome.errors)")
        #expect(try items.db.hash("items") == items.damaged)
        #expect(!FileManager.default.fileExists(atPath: items.undo))
    }

    @Test func aWriterOfAnotherTableGoesOnDuringTheApply() throws {
        let db = try ApplyDatabase("apply_other", """
            CREATE TABLE big (id int PRIMARY KEY, v text, n int);
            INSERT INTO big SELECT i, md5(i::text), i FROM generate_series(1, 200000) i;
            CREATE TABLE events (id bigserial PRIMARY KEY, at timestamptz NOT NULL DEFAULT clock_timestamp());
            """)
        let archive = try db.backup()
        try db.psql("UPDATE big SET n = -n")
        let script = db.scratch.file("insert.sql")
        try "INSERT INTO events DEFAULT VALUES;\n\\sleep 2 ms\n".write(toFile: script, atomically: true, encoding: .utf8)
        let writer = Process()
        writer.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        // A count of paced inserts, not -T: pgbench times -T with SIGALRM, which children of Process have blocked.
        writer.arguments = ["pgbench", "-n", "-c", "1", "-t", "2000", "-f", script, db.name]
        writer.environment = ProcessInfo.processInfo.environment.merging(db.env) { $1 }
        writer.standardOutput = FileHandle.nullDevice
        let writerErrors = Pipe()
        writer.standardError = writerErrors
        try writer.run()
        let deadline = Date().addingTimeInterval(20)
        while try db.psql("SELECT count(*) FROM events") == "0" {
            try #require(Date() < deadline)
            usleep(20_000)
        }
        let startedAt = try db.psql("SELECT clock_timestamp()")
        let report = try db.applyReport(archive, "big", ["--execute", "--undo", db.scratch.file("u.gz")])
        let endedAt = try db.psql("SELECT clock_timestamp()")
        let errors = String(decoding: writerErrors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        writer.waitUntilExit()
        #expect(writer.terminationStatus == 0, "\(errors)")
        #expect(report["updated"] as? Int == 200_000)
        #expect(try db.diff(archive, "big").status == 0)
        #expect(try db.psql("SELECT count(*) FROM events") == "2000")
        let during = try db.psql("SELECT count(*) FROM events WHERE at BETWEEN '\(startedAt)' AND '\(endedAt)'")
        #expect((Int(during) ?? 0) > 10, "\(during) inserts during the apply")
    }
}
