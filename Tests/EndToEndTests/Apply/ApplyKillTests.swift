import Foundation
import TestSupport
import Testing

/// Apply on tables big enough to take a while: a million rows with a few hundred
/// changes, and `kill -9` at random moments, which must leave the table either
/// untouched or fully restored, never in between.
@Suite(.serialized) struct ApplyKillTests {
    @Test func mergeRestoresAFewHundredChangesInAMillionRows() throws {
        let db = try ApplyDatabase("apply_million", """
            CREATE TABLE huge (id int PRIMARY KEY, n int NOT NULL);
            INSERT INTO huge SELECT i, i % 1000 FROM generate_series(1, 1000000) i;
            """)
        let archive = try db.backup()
        let backedUp = try db.hash("huge")
        try db.psql("""
            UPDATE huge SET n = -1 WHERE id % 5000 = 0;
            DELETE FROM huge WHERE id BETWEEN 500001 AND 500100;
            INSERT INTO huge SELECT i, 0 FROM generate_series(1000001, 1000150) i;
            """)
        let report = try db.applyReport(archive, "huge", ["--execute", "--undo", db.scratch.file("u.gz")])
        #expect(report["inserted"] as? Int == 100 && report["updated"] as? Int == 200 && report["deleted"] as? Int == 150)
        #expect(try db.diff(archive, "huge").status == 0)
        #expect(try db.hash("huge") == backedUp)
    }

    @Test func killingApplyAtAnyMomentLeavesTheTableBeforeOrRestoredNeverBetween() throws {
        let db = try ApplyDatabase("apply_kill", """
            CREATE TABLE accounts (id int PRIMARY KEY, owner text NOT NULL, balance bigint NOT NULL);
            INSERT INTO accounts SELECT i, md5(i::text), i * 10 FROM generate_series(1, 100000) i;
            """)
        let archive = try db.backup()
        let restored = try db.hash("accounts")
        // The bad migration: every balance negated, some accounts dropped, a few added.
        let badMigration = """
            UPDATE accounts SET balance = -balance; DELETE FROM accounts WHERE id % 1000 = 7;
            INSERT INTO accounts SELECT i, 'new', 0 FROM generate_series(100001, 100100) i;
            """
        try db.psql(badMigration)
        let before = try db.hash("accounts")

        // One whole run, to know how long the kills may wait; then back to the damage.
        let started = Date()
        _ = try db.applyReport(archive, "accounts", ["--execute", "--undo", db.scratch.file("undo-full.gz")])
        let duration = Date().timeIntervalSince(started)
        #expect(try db.hash("accounts") == restored)
        try db.psql(badMigration)
        #expect(try db.hash("accounts") == before)

        var outcomes: [String: Int] = [:]
        var generator = SystemRandomNumberGenerator()
        for trial in 0..<20 {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: CLI.pgscalpel)
            process.arguments = ["apply", archive, "-t", "accounts", "--into", db.name, "--execute",
                                 "--undo", db.scratch.file("undo-\(trial).gz")]
            process.environment = ProcessInfo.processInfo.environment.merging(db.env) { $1 }
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            let delay = Double.random(in: 0.02...(duration * 1.1), using: &generator)
            try process.run()
            usleep(UInt32(delay * 1_000_000))
            let killed = process.isRunning
            if killed { kill(process.processIdentifier, SIGKILL) }
            process.waitUntilExit()
            if !killed { #expect(process.terminationStatus == 0, "trial \(trial) ended by itself with \(process.terminationStatus)") }
            try db.waitForOtherSessionsToEnd()
            let now = try db.hash("accounts")
            #expect(now == before || now == restored, "trial \(trial): killed after \(delay) s, the table is neither")
            let state = now == before ? "before" : now == restored ? "restored" : "neither"
            outcomes["\(killed ? "killed" : "finished"), \(state)", default: 0] += 1
            if now == restored { try db.psql(badMigration) }
        }
        #expect(outcomes["killed, before", default: 0] >= 5, "\(outcomes)")
        #expect(outcomes.keys.allSatisfy { !$0.hasSuffix("neither") }, "\(outcomes)")
    }
}
