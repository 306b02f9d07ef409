import Foundation
import TestSupport
import Testing

/// A backup must not reach another database in silence: a shell on a database host
/// exports PGHOST, PGPORT and PGUSER, and the runbook's script adds
/// `POSTGRES_DB=app POSTGRES_USER=app`.
@Suite struct BackupSourceTests {
    /// The shell of a database host: PGHOST, PGPORT, PGUSER, and no PGDATABASE.
    func hostShell(_ extra: [String: String]) throws -> [String: String] {
        var env = try TestServer.environment()
        env.removeValue(forKey: "PGDATABASE")
        return env.merging(extra) { $1 }
    }

    @Test func postgresVariablesThatDisagreeWithPGVariablesStopTheBackup() throws {
        let database = try TestServer.loadFixture("awkward.sql", prefix: "app_src")
        let scratch = try ScratchFolder()
        let archive = scratch.file("app.scalpel.sql.gz")
        let refused = try CLI.pgscalpel(["backup", "-f", archive],
                                        environment: try hostShell(["POSTGRES_DB": database, "POSTGRES_USER": "app"]))
        #expect(refused.status == 2)
        #expect(refused.errors == "pgscalpel: PGUSER=postgres and POSTGRES_USER=app disagree: give user=... (or -U) "
            + "on the command line, or unset one of them\n", "\(refused.errors)")
        #expect(!FileManager.default.fileExists(atPath: archive))

        // -U settles it; POSTGRES_DB fills the database no PG* variable names.
        let backup = try CLI.pgscalpel(["backup", "-U", "postgres", "-f", archive, "--json"],
                                       environment: try hostShell(["POSTGRES_DB": database, "POSTGRES_USER": "app"]))
        #expect(backup.status == 0, "\(backup.errors)")
        let summary = try JSONSerialization.jsonObject(with: backup.output) as? [String: Any]
        let source = summary?["source"] as? [String: Any]
        #expect(source?["database"] as? String == database && source?["user"] as? String == "postgres", "\(backup.text)")
        #expect(source?["host"] as? String == (try TestServer.environment())["PGHOST"])
        #expect((summary?["tables"] as? Int ?? 0) > 0)
        // The checksum to record beside the file is the file's own.
        let sum = try CLI.run("sha256sum", [archive])
        #expect(sum.status == 0 && sum.text.hasPrefix((summary?["sha256"] as? String ?? "-") + "  "), "\(sum.text)")
    }

    @Test func aBackupWithNoTableIsWrittenButExitsOne() throws {
        let database = try TestServer.makeDatabase("app_empty")
        let scratch = try ScratchFolder()
        let archive = scratch.file("empty.scalpel.sql.gz")
        let env = try hostShell(["POSTGRES_DB": database])
        let flagged = try CLI.pgscalpel(["backup", "-f", archive], environment: env)
        #expect(flagged.status == 1, "\(flagged.errors)")
        let lines = flagged.text.split(separator: "\n")
        #expect(lines.first?.hasPrefix("backup of database \(database) on ") == true, "\(flagged.text)")
        #expect(flagged.text.contains("WARNING: the backup of database \(database) on "), "\(flagged.text)")
        #expect(flagged.text.contains("holds no table: is that the database meant? (--allow-empty accepts it)"))
        #expect(FileManager.default.fileExists(atPath: archive))
        #expect(flagged.text.contains(#/\nsha256: [0-9a-f]{64}\n/#), "\(flagged.text)")

        let accepted = try CLI.pgscalpel(["backup", "-f", scratch.file("ok.scalpel.sql.gz"), "--allow-empty"], environment: env)
        #expect(accepted.status == 0 && !accepted.text.contains("WARNING"), "\(accepted.text)")
    }
}
