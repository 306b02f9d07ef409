import Foundation
import TestSupport
import Testing

/// One database of the test server, with the psql and pgscalpel calls the apply tests make.
struct ApplyDatabase {
    let name: String
    let env: [String: String]
    let scratch: ScratchFolder

    init(_ prefix: String, _ setup: String) throws {
        env = try TestServer.environment()
        name = try TestServer.makeDatabase(prefix)
        scratch = try ScratchFolder()
        try psql(setup)
    }

    /// Runs `sql` as a script (each statement its own transaction) and returns the
    /// unaligned, tuples-only output, trimmed.
    @discardableResult
    func psql(_ sql: String) throws -> String {
        let outcome = try CLI.run("psql", ["-X", "-q", "-A", "-t", "-v", "ON_ERROR_STOP=1", "-d", name, "-f", "-"],
                                  environment: env, input: Data(sql.utf8))
        guard outcome.status == 0 else { throw TestFailure("psql: \(outcome.errors)") }
        return outcome.text.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// The exact contents of `columns` of the rows of `table` matching `condition`, as one md5.
    func hash(_ table: String, _ columns: String = "*", where condition: String = "true") throws -> String {
        let row = columns == "*" ? "x" : "ROW(\(columns))"
        return try psql("SELECT md5(coalesce(string_agg(\(row)::text, ',' ORDER BY x.id), '')) FROM \(table) x WHERE \(condition)")
    }

    func backup(_ file: String = "backup.scalpel.sql.gz") throws -> String {
        let archive = scratch.file(file)
        let outcome = try CLI.pgscalpel(["backup", "-d", name, "-f", archive], environment: env)
        guard outcome.status == 0 else { throw TestFailure("backup: \(outcome.errors)") }
        return archive
    }

    func apply(_ archive: String, _ table: String, _ options: [String],
               environment: [String: String]? = nil) throws -> CLI.Outcome {
        try CLI.pgscalpel(["apply", archive, "-t", table, "--into", name] + options, environment: environment ?? env)
    }

    /// A new login role given `privileges` on `table`, and the environment that connects as it.
    func role(granted privileges: String, on table: String) throws -> (name: String, environment: [String: String]) {
        let role = name + "_app"
        try psql("CREATE ROLE \(role) LOGIN; GRANT \(privileges) ON \(table) TO \(role)")
        var environment = env
        environment["PGUSER"] = role
        return (role, environment)
    }

    /// `apply ... --json`, which must succeed; its report. Its exit status must be
    /// the report's: 0 executed or nothing to change, 3 a dry run that planned changes.
    func applyReport(_ archive: String, _ table: String, _ options: [String],
                     sourceLocation: SourceLocation = #_sourceLocation) throws -> [String: Any] {
        let outcome = try apply(archive, table, options + ["--json"])
        guard [0, 3].contains(outcome.status),
              let report = try? JSONSerialization.jsonObject(with: outcome.output) as? [String: Any] else {
            Issue.record("apply exited \(outcome.status): \(outcome.errors)", sourceLocation: sourceLocation)
            throw TestFailure("apply: \(outcome.errors)")
        }
        let changes = ["inserted", "updated", "deleted"].reduce(0) { $0 + (report[$1] as? Int ?? 0) }
        let planned = report["executed"] as? Bool == false && changes > 0
        #expect(outcome.status == (planned ? 3 : 0), "\(outcome.errors)", sourceLocation: sourceLocation)
        return report
    }

    func diff(_ archive: String, _ table: String, _ options: [String] = []) throws -> CLI.Outcome {
        try CLI.pgscalpel(["diff", archive, "-t", table, "--against", name] + options, environment: env)
    }

    func dump() throws -> String {
        let outcome = try CLI.run("pg_dump", [name], environment: env)
        guard outcome.status == 0 else { throw TestFailure("pg_dump: \(outcome.errors)") }
        return comparableDump(outcome.text)
    }

    /// Waits until no session but ours is connected to the database: a killed
    /// client's backend finishes its statement and rolls back before it goes.
    func waitForOtherSessionsToEnd() throws {
        let deadline = Date().addingTimeInterval(60)
        while try psql("SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()") != "0" {
            guard Date() < deadline else { throw TestFailure("a session to \(name) stays connected") }
            usleep(20_000)
        }
    }
}

/// 3000 rows backed up, then damaged: 50 deleted (ids 1-50), 150 changed (qty of
/// 100-199, name of 150-249), 40 inserted (5001-5040).
struct DamagedItems {
    static let setup = """
        CREATE TABLE items (id int PRIMARY KEY, name text NOT NULL, qty int, note text, grp int NOT NULL);
        INSERT INTO items SELECT i, 'item ' || i, i % 97, CASE WHEN i % 5 = 0 THEN NULL ELSE md5(i::text) END, i % 10
            FROM generate_series(1, 3000) i;
        """
    static let damage = """
        DELETE FROM items WHERE id <= 50;
        UPDATE items SET qty = qty + 1000 WHERE id BETWEEN 100 AND 199;
        UPDATE items SET name = 'renamed ' || id WHERE id BETWEEN 150 AND 249;
        INSERT INTO items SELECT i, 'new ' || i, 0, NULL, i % 10 FROM generate_series(5001, 5040) i;
        """

    let db: ApplyDatabase
    let archive: String
    /// Every row as the backup has it, and as the damage left it.
    let backedUp: String
    let damaged: String

    init(_ prefix: String, extraSetup: String = "") throws {
        db = try ApplyDatabase(prefix, Self.setup + extraSetup)
        archive = try db.backup()
        backedUp = try db.hash("items")
        try db.psql("CREATE SCHEMA copies; CREATE TABLE copies.backed_up AS TABLE items;" + Self.damage
            + "CREATE TABLE copies.damaged AS TABLE items;")
        damaged = try db.hash("items")
        #expect(backedUp != damaged)
    }

    /// The rows of `items` matching `condition` as the backup has them.
    func atBackup(_ columns: String = "*", where condition: String) throws -> String {
        try db.hash("copies.backed_up", columns, where: condition)
    }

    /// The rows of `items` matching `condition` as the damage left them.
    func afterDamage(_ columns: String = "*", where condition: String = "true") throws -> String {
        try db.hash("copies.damaged", columns, where: condition)
    }

    var undo: String { db.scratch.file("undo.scalpel.sql.gz") }

    /// The rows matching `restored` are the backup's, the others as the damage left
    /// them, and diff limited to those rows finds nothing.
    func expectOnlyRestored(_ restored: String, others: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        #expect(try db.hash("items", where: restored) == (try atBackup(where: restored)), sourceLocation: sourceLocation)
        #expect(try db.hash("items", where: others) == (try afterDamage(where: others)), sourceLocation: sourceLocation)
        #expect(try db.diff(archive, "items", ["--where", restored]).status == 0, sourceLocation: sourceLocation)
    }
}
