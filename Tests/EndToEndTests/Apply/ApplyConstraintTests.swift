import Foundation
import TestSupport
import Testing

/// The dry run holds the rows it would write against production's constraints, so
/// that a plan which passes is one `--execute` can carry out.
@Suite struct ApplyConstraintTests {
    /// After the backup: ten users deleted, a NOT NULL column and a CHECK added, one
    /// deleted user's email taken by a new user, one account closed, and a column
    /// with a default and a CHECK of its own.
    static let users = """
        CREATE TABLE accounts (id int PRIMARY KEY);
        INSERT INTO accounts SELECT generate_series(1, 10);
        CREATE TABLE users (id int PRIMARY KEY, email text NOT NULL UNIQUE, score int,
                            account int REFERENCES accounts, manager int REFERENCES users);
        INSERT INTO users SELECT i, 'u' || i || '@x', i, 1 + i % 10, CASE WHEN i = 92 THEN 91 WHEN i > 1 THEN 1 END
            FROM generate_series(1, 100) i;
        """
    static let migration = """
        DELETE FROM users WHERE id > 90;
        ALTER TABLE users ADD COLUMN region text;
        UPDATE users SET region = 'eu';
        ALTER TABLE users ALTER COLUMN region SET NOT NULL;
        ALTER TABLE users ADD CONSTRAINT score_small CHECK (score < 98);
        ALTER TABLE users ADD COLUMN tier text DEFAULT 'free' CHECK (tier IN ('free', 'pro'));
        INSERT INTO users (id, email, score, account, region) VALUES (101, 'u95@x', 0, 1, 'eu');
        UPDATE users SET account = 1 WHERE account = 4;
        DELETE FROM accounts WHERE id = 4;
        """

    @Test func theDryRunNamesEveryConstraintTheReinsertedRowsBreak() throws {
        let db = try ApplyDatabase("apply_cons", Self.users)
        let archive = try db.backup()
        try db.psql(Self.migration)
        let before = try db.hash("users")
        let undo = db.scratch.file("undo.gz")

        let plan = try db.apply(archive, "users", ["--mode", "missing"])
        #expect(plan.status == 1, "\(plan.errors)")
        let lines = plan.text.split(separator: "\n").map(String.init)
        let expected = [
            "--execute would fail: production's constraints refuse rows it would write",
            "  NOT NULL region: 10 rows (e.g. id=91; id=92; id=93; id=94; id=95): a column added since the backup, with no default",
            "  UNIQUE users_email_key (email): 1 rows (e.g. id=95): another row holds the value now",
            "  CHECK score_small (score): 3 rows (e.g. id=98; id=99; id=100): the backup's values fail it",
            "  FOREIGN KEY users_account_fkey (account): 1 rows (e.g. id=93): no such row in public.accounts (restore those rows first)",
            "not checked: CHECK users_tier_check (over a column production fills with its default)",
        ]
        let start = try #require(lines.firstIndex(of: expected[0]), "\(plan.text)")
        #expect(Array(lines[start..<min(start + expected.count, lines.count)]) == expected, "\(plan.text)")
        // The manager of user 92 is user 91, re-inserted with it: no violation.
        #expect(!plan.text.contains("users_manager_fkey"))

        let json = try db.apply(archive, "users", ["--mode", "missing", "--json"])
        #expect(json.status == 1)
        let report = try #require(try JSONSerialization.jsonObject(with: json.output) as? [String: Any])
        let violations = try #require(report["constraintViolations"] as? [[String: Any]])
        #expect(violations.map { "\($0["kind"]!) \($0["name"]!) \($0["rows"]!)" }
                == ["NOT NULL region 10", "UNIQUE users_email_key 1", "CHECK score_small 3", "FOREIGN KEY users_account_fkey 1"])
        #expect(report["uncheckedConstraints"] as? [String] == ["CHECK users_tier_check (over a column production fills with its default)"])

        let refused = try db.apply(archive, "users", ["--mode", "missing", "--execute", "--undo", undo])
        #expect(refused.status == 2)
        #expect(refused.errors.hasPrefix("pgscalpel: production's constraints would refuse rows this writes: NOT NULL region: 10 rows"),
                "\(refused.errors)")
        #expect(refused.errors.hasSuffix("; nothing was changed\n"), "\(refused.errors)")
        #expect(try db.hash("users") == before)
        #expect(!FileManager.default.fileExists(atPath: undo))

        // All but the NOT NULL mended; a BEFORE trigger fills the column, which the
        // plan cannot know: it says so, and --execute leaves the verdict to the server.
        try db.psql("""
            DELETE FROM users WHERE id = 101; INSERT INTO accounts VALUES (4); ALTER TABLE users DROP CONSTRAINT score_small;
            CREATE FUNCTION fill_region() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN NEW.region := coalesce(NEW.region, 'eu'); RETURN NEW; END $$;
            CREATE TRIGGER fill_region BEFORE INSERT ON users FOR EACH ROW EXECUTE FUNCTION fill_region();
            """)
        let mended = try db.apply(archive, "users", ["--mode", "missing"])
        #expect(mended.status == 1)
        #expect(mended.text.contains("""
              NOT NULL region: 10 rows (e.g. id=91; id=92; id=93; id=94; id=95): a column added since the backup, with no default
              unless BEFORE triggers change those rows first: fill_region

            """), "\(mended.text)")
        let done = try db.applyReport(archive, "users", ["--mode", "missing", "--execute", "--undo", undo])
        #expect(done["inserted"] as? Int == 10)
        #expect(try db.psql("SELECT count(*) FILTER (WHERE region = 'eu' AND tier = 'free') FROM users") == "100")
    }

    @Test func restoredColumnsAreHeldAgainstTheConstraintsOfTheRowsTheyLandIn() throws {
        let db = try ApplyDatabase("apply_cons_cols", """
            CREATE TABLE people (id int PRIMARY KEY, email text, nick text);
            INSERT INTO people VALUES (1, 'a', 'n1'), (2, 'b', 'n2'), (3, NULL, 'n3'), (4, 'd', 'n4'), (6, 'f', 'n6');
            """)
        let archive = try db.backup()
        try db.psql("""
            UPDATE people SET email = 'x' || id, nick = 'm' || id WHERE id < 6;
            UPDATE people SET nick = 'n2' WHERE id = 1;
            ALTER TABLE people ALTER COLUMN email SET NOT NULL;
            ALTER TABLE people ADD CONSTRAINT not_b CHECK (email <> 'b');
            INSERT INTO people VALUES (5, 'a', 'n4');
            CREATE UNIQUE INDEX people_email ON people (email);
            CREATE UNIQUE INDEX people_live_nick ON people (nick) WHERE id < 100;
            """)
        let before = try db.hash("people")

        // Row 1 holds row 2's nick now, but gives it back in the same write: no conflict.
        let plan = try db.apply(archive, "people", ["--columns", "email,nick"])
        #expect(plan.status == 1, "\(plan.errors)")
        #expect(plan.text.contains("""
            --execute would fail: production's constraints refuse rows it would write
              NOT NULL email: 1 rows (e.g. id=3): NULL in the backup
              UNIQUE people_email (email): 1 rows (e.g. id=1): another row holds the value now
              UNIQUE people_live_nick (nick): 1 rows (e.g. id=4): another row holds the value now
              CHECK not_b (email): 1 rows (e.g. id=2): the backup's values fail it

            """), "\(plan.text)")
        let refused = try db.apply(archive, "people", ["--columns", "email,nick", "--execute", "--undo", db.scratch.file("u.gz")])
        #expect(refused.status == 2)
        #expect(try db.hash("people") == before)

        // Restoring rows 4 and 6 only: 6 never changed, and 4's nick is still row 5's.
        let narrow = try db.apply(archive, "people", ["--columns", "email,nick", "--where", "id IN (4, 6)"])
        #expect(narrow.status == 1)
        #expect(narrow.text.contains("UNIQUE people_live_nick (nick): 1 rows (e.g. id=4)") && !narrow.text.contains("people_email"),
                "\(narrow.text)")
        try db.psql("UPDATE people SET nick = 'm5' WHERE id = 5")
        let report = try db.applyReport(archive, "people", ["--columns", "email,nick", "--where", "id IN (4, 6)",
                                                            "--execute", "--undo", db.scratch.file("u2.gz")])
        #expect(report["updated"] as? Int == 1)
        #expect((report["constraintViolations"] as? [Any])?.isEmpty == true)
        #expect(try db.psql("SELECT email || ' ' || nick FROM people WHERE id = 4") == "d n4")
    }

    /// A retention job dropped a partition: its rows have nowhere to go back to
    /// until it is created again.
    @Test func rowsOfADroppedPartitionAreFoundBeforeTheInsert() throws {
        let db = try ApplyDatabase("apply_cons_part", """
            CREATE TABLE logs (id int, at date, msg text, PRIMARY KEY (id, at)) PARTITION BY RANGE (at);
            CREATE TABLE logs_h1 PARTITION OF logs FOR VALUES FROM ('2026-01-01') TO ('2026-07-01');
            CREATE TABLE logs_h2 PARTITION OF logs FOR VALUES FROM ('2026-07-01') TO ('2027-01-01');
            INSERT INTO logs SELECT i, date '2026-01-01' + i, 'm' || i FROM generate_series(0, 300) i;
            """)
        let archive = try db.backup()
        try db.psql("DELETE FROM logs WHERE id % 50 = 0; DROP TABLE logs_h1;")
        let plan = try db.apply(archive, "logs", ["--mode", "missing"])
        #expect(plan.status == 1, "\(plan.errors)")
        #expect(plan.text.contains("""
              PARTITION public.logs: 181 rows (e.g. id=0, at=2026-01-01; id=1, at=2026-01-02; id=2, at=2026-01-03; \
            id=3, at=2026-01-04; id=4, at=2026-01-05): no partition takes them (create it first)

            """), "\(plan.text)")
        try db.psql("CREATE TABLE logs_h1 PARTITION OF logs FOR VALUES FROM ('2026-01-01') TO ('2026-07-01')")
        let report = try db.applyReport(archive, "logs", ["--mode", "missing", "--execute", "--undo", db.scratch.file("u.gz")])
        #expect(report["inserted"] as? Int == 184)
        #expect(try db.diff(archive, "logs").status == 0)
    }

    /// Restored references are checked too: a migration moved every member to team 1
    /// and removed team 3.
    @Test func aRestoredReferenceToAGoneParentIsFound() throws {
        let db = try ApplyDatabase("apply_cons_fk", """
            CREATE TABLE teams (id int PRIMARY KEY);
            INSERT INTO teams VALUES (1), (2), (3);
            CREATE TABLE members (id int PRIMARY KEY, team int REFERENCES teams);
            INSERT INTO members SELECT i, 1 + i % 3 FROM generate_series(1, 30) i;
            """)
        let archive = try db.backup()
        try db.psql("UPDATE members SET team = 1; DELETE FROM teams WHERE id = 3;")
        let plan = try db.apply(archive, "members", ["--columns", "team"])
        #expect(plan.status == 1, "\(plan.errors)")
        #expect(plan.text.contains("""
              FOREIGN KEY members_team_fkey (team): 10 rows (e.g. id=2; id=5; id=8; id=11; id=14): \
            no such row in public.teams (restore those rows first)

            """), "\(plan.text)")
        try db.psql("INSERT INTO teams VALUES (3)")
        // A role that may not read the parent table: that check cannot be made, the plan goes on and says so.
        let app = try db.role(granted: "ALL", on: "members")
        let limited = try db.apply(archive, "members", ["--columns", "team"], environment: app.environment)
        #expect(limited.status == 3, "\(limited.errors)")
        #expect(limited.text.contains("to update: 20 rows") && limited.text.contains(
            "not checked: FOREIGN KEY members_team_fkey (permission denied for table teams)\n"), "\(limited.text)")
        #expect(try db.applyReport(archive, "members", ["--columns", "team", "--execute", "--undo", db.scratch.file("u.gz")])["updated"] as? Int == 20)
    }
}
