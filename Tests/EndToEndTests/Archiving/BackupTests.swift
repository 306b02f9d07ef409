import Foundation
import TestSupport
import Testing

@Suite struct BackupTests {
    @Test func backupThenGunzipPsqlRestoresTheSameDatabase() throws {
        let env = try TestServer.environment()
        let source = try TestServer.loadFixture("awkward.sql", prefix: "awk_src")
        let scratch = try ScratchFolder()
        let archive = scratch.file("awkward.scalpel.sql.gz")

        let backup = try CLI.pgscalpel(["backup", "-d", source, "-f", archive], environment: env)
        #expect(backup.status == 0, "\(backup.errors)")
        #expect(try CLI.run("gzip", ["-t", archive]).status == 0)
        let attributes = try FileManager.default.attributesOfItem(atPath: archive)
        #expect((attributes[.posixPermissions] as? Int) == 0o600)

        let target = try TestServer.makeDatabase("awk_dst")
        let restore = try CLI.shell("gunzip -c '\(archive)' | psql -X -q -v ON_ERROR_STOP=1 -d \(target) >/dev/null", environment: env)
        #expect(restore.status == 0, "\(restore.errors)")
        let original = try CLI.run("pg_dump", [source], environment: env)
        let restored = try CLI.run("pg_dump", [target], environment: env)
        #expect(original.status == 0 && restored.status == 0)
        #expect(comparableDump(original.text) == comparableDump(restored.text))
        #expect(original.output.count > 50_000)
    }

    /// A disk that fills mid-backup: one line, exit 2, no archive and no temporary file.
    @Test func aBackupOntoAFullDiskLeavesNothing() throws {
        let scratch = try ScratchFolder()
        guard let disk = try scratch.smallDisk() else { return }  // no right to mount here
        let env = try TestServer.environment()
        let source = try TestServer.loadFixture("awkward.sql", prefix: "awk_full")
        let backup = try CLI.pgscalpel(["backup", "-d", source, "-f", "\(disk)/full.scalpel.sql.gz"], environment: env)
        #expect(backup.status == 2)
        #expect(backup.errors.split(separator: "\n").count == 1, "\(backup.errors)")
        #expect(backup.errors.contains("No space left on device"), "\(backup.errors)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: disk) == [])
    }

    @Test func packedStreamIsPgDumpsOutputByteForBytePlusOneCommentLine() throws {
        let env = try TestServer.environment()
        let source = try TestServer.loadFixture("awkward.sql", prefix: "awk_pack")
        let scratch = try ScratchFolder()
        let plain = try CLI.run("pg_dump", ["--verbose", source], environment: env).output
        let packed = try CLI.pgscalpel(["pack"], environment: env, input: plain)
        #expect(packed.status == 0, "\(packed.errors)")
        let archive = scratch.file("p.scalpel.sql.gz")
        try packed.output.write(to: URL(fileURLWithPath: archive))
        let unpacked = try CLI.run("gzip", ["-dc", archive]).output
        #expect(unpacked.prefix(plain.count) == plain)
        let rest = String(decoding: unpacked.dropFirst(plain.count), as: UTF8.self)
        #expect(rest.hasPrefix("-- pgscalpel-index v1 {") && rest.hasSuffix("}\n"))
        #expect(rest.filter { $0 == "\n" }.count == 1)
    }

    @Test func packAndBackupIndexTheSameContent() throws {
        let env = try TestServer.environment().merging(["PGTZ": "UTC", "PGOPTIONS": "-c bytea_output=hex"]) { $1 }
        let source = try TestServer.loadFixture("awkward.sql", prefix: "awk_same")
        let scratch = try ScratchFolder()
        let backedUp = scratch.file("b.scalpel.sql.gz"), packed = scratch.file("p.scalpel.sql.gz")
        #expect(try CLI.pgscalpel(["backup", "-d", source, "-f", backedUp], environment: env).status == 0)
        let pack = try CLI.shell("pg_dump --verbose \(source) | '\(CLI.pgscalpel)' pack -f '\(packed)'", environment: env)
        #expect(pack.status == 0, "\(pack.errors)")

        let backupStream = try CLI.run("gzip", ["-dc", backedUp]).text
        let packStream = try CLI.run("gzip", ["-dc", packed]).text
        func withoutIndex(_ text: String) -> String { comparableDump(String(text[..<text.range(of: "-- pgscalpel-index v1 ")!.lowerBound])) }
        #expect(withoutIndex(backupStream) == withoutIndex(packStream))

        let backupTables = try listTables(backedUp), packTables = try listTables(packed)
        #expect(backupTables == packTables)
        #expect(backupTables.count >= 15)
    }

    @Test func theAwkwardTablesAreListedWithTheirRealNamesAndRowCounts() throws {
        let env = try TestServer.environment()
        let source = try TestServer.loadFixture("awkward.sql", prefix: "awk_ls")
        let scratch = try ScratchFolder()
        let archive = scratch.file("a.scalpel.sql.gz")
        #expect(try CLI.pgscalpel(["backup", "-d", source, "-f", archive], environment: env).status == 0)
        let expected = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: Fixture.path("awkward.expected.json")))) as! [[String: Any]]
        let listed = try listTables(archive)
        for table in expected {
            let key = "\(table["schema"] as! String).\(table["name"] as! String)"
            #expect(listed[key] == (table["rows"] as? Int).map(UInt64.init), "\(key)")
        }
    }

    @Test func theIndexRecordsTheExtensionVersionsOfTheSourceAndLsShowsThem() throws {
        let env = try TestServer.environment()
        let database = try TestServer.makeDatabase("ext_versions")
        let setup = try CLI.run("psql", ["-X", "-q", "-A", "-t", "-v", "ON_ERROR_STOP=1", "-d", database,
                                         "-c", "CREATE EXTENSION citext",
                                         "-c", "SELECT extname || '=' || extversion FROM pg_extension ORDER BY 1"],
                                environment: env)
        #expect(setup.status == 0, "\(setup.errors)")
        var installed: [String: String] = [:]
        for line in setup.text.split(separator: "\n") {
            let parts = line.split(separator: "=", maxSplits: 1).map(String.init)
            installed[parts[0]] = parts[1]
        }
        #expect(installed.keys.sorted() == ["citext", "plpgsql"])

        let scratch = try ScratchFolder()
        let archive = scratch.file("ext.scalpel.sql.gz")
        // Extensions and no table: an empty backup on purpose.
        let backup = try CLI.pgscalpel(["backup", "-d", database, "-f", archive, "--allow-empty"], environment: env)
        #expect(backup.status == 0, "\(backup.errors)")
        let listed = try CLI.pgscalpel(["ls", archive, "--json"])
        let json = try JSONSerialization.jsonObject(with: listed.output) as! [String: Any]
        #expect((json["dump"] as! [String: Any])["extensions"] as? [String: String] == installed)
        let text = try CLI.pgscalpel(["ls", archive]).text
        #expect(text.contains("extensions: citext \(installed["citext"]!), plpgsql \(installed["plpgsql"]!)\n"), "\(text)")

        // pack sees only pg_dump's output, which has no versions: the key is absent.
        let packed = scratch.file("packed.scalpel.sql.gz")
        let pack = try CLI.shell("pg_dump \(database) | '\(CLI.pgscalpel)' pack -f '\(packed)'", environment: env)
        #expect(pack.status == 0, "\(pack.errors)")
        let packedJSON = try JSONSerialization.jsonObject(with: try CLI.pgscalpel(["ls", packed, "--json"]).output) as! [String: Any]
        #expect((packedJSON["dump"] as! [String: Any])["extensions"] == nil)
        #expect(!(try CLI.pgscalpel(["ls", packed]).text.contains("extensions:")))
    }

    @Test func aFailedBackupLeavesNoFile() throws {
        let env = try TestServer.environment()
        let scratch = try ScratchFolder()
        let archive = scratch.file("missing.scalpel.sql.gz")
        let outcome = try CLI.pgscalpel(["backup", "-d", "no_such_database", "-f", archive], environment: env)
        #expect(outcome.status == 2)
        #expect(outcome.errors.contains("no_such_database"))
        #expect(outcome.errors.split(separator: "\n").count == 1)
        #expect(try FileManager.default.contentsOfDirectory(atPath: scratch.path).isEmpty)
    }

    /// The archive already there may be last night's, the only good copy: backup
    /// and pack -f leave it alone, before pg_dump even starts, unless --overwrite.
    @Test func anExistingArchiveIsNeverWrittenOverUnlessAsked() throws {
        let env = try TestServer.environment()
        let database = try TestServer.loadFixture("tiny.sql", prefix: "overwrite")
        let scratch = try ScratchFolder()
        let archive = scratch.file("nightly.scalpel.sql.gz")
        let old = Data("last night's archive".utf8)
        try old.write(to: URL(fileURLWithPath: archive))
        let message = "pgscalpel: \(archive) exists already: an archive is never written over; give a new name, or --overwrite\n"

        let backup = try CLI.pgscalpel(["backup", "-d", database, "-f", archive], environment: env)
        #expect(backup.status == 2 && backup.errors == message, "\(backup.errors)")
        let dump = try CLI.run("pg_dump", [database], environment: env)
        let pack = try CLI.pgscalpel(["pack", "-f", archive], input: dump.output)
        #expect(pack.status == 2 && pack.errors == message, "\(pack.errors)")
        #expect(try Data(contentsOf: URL(fileURLWithPath: archive)) == old)
        #expect(try FileManager.default.contentsOfDirectory(atPath: scratch.path) == ["nightly.scalpel.sql.gz"])

        #expect(try CLI.pgscalpel(["backup", "-d", database, "-f", archive, "--overwrite"], environment: env).status == 0)
        #expect(try CLI.pgscalpel(["verify", archive]).status == 0)
        #expect(try CLI.pgscalpel(["pack", "-f", archive, "--overwrite"], input: dump.output).status == 0)
        #expect(try CLI.pgscalpel(["verify", archive]).status == 0)
        #expect(try FileManager.default.contentsOfDirectory(atPath: scratch.path) == ["nightly.scalpel.sql.gz"])
    }

    @Test func packRefusesSomethingThatIsNotACompleteDump() throws {
        let scratch = try ScratchFolder()
        let archive = scratch.file("x.scalpel.sql.gz")
        let plain = try Data(contentsOf: URL(fileURLWithPath: Fixture.path("awkward.sql")))
        let truncated = plain.prefix(plain.count / 2)
        let outcome = try CLI.pgscalpel(["pack", "-f", archive], input: truncated)
        #expect(outcome.status == 2)
        #expect(outcome.errors.split(separator: "\n").count == 1)
        #expect(try FileManager.default.contentsOfDirectory(atPath: scratch.path).isEmpty)
        let notSQL = try CLI.pgscalpel(["pack", "-f", archive], input: Data("hello\nworld\n".utf8))
        #expect(notSQL.status == 2)
        #expect(!FileManager.default.fileExists(atPath: archive))
    }

    /// `schema.name` → rows, from `ls --json`.
    private func listTables(_ archive: String) throws -> [String: UInt64?] {
        let outcome = try CLI.pgscalpel(["ls", archive, "--json"])
        guard outcome.status == 0 else { throw TestFailure(outcome.errors) }
        let json = try JSONSerialization.jsonObject(with: outcome.output) as! [String: Any]
        var tables: [String: UInt64?] = [:]
        for table in json["tables"] as! [[String: Any]] {
            tables["\(table["schema"] as? String ?? "").\(table["name"] as! String)"] = (table["rows"] as? Int).map(UInt64.init)
        }
        return tables
    }
}

/// The settings the index records are the ones pg_dump really ran with, whatever
/// the database's own defaults say.
@Suite struct PinnedSettingsTests {
    @Test func timeZoneAndByteaOutputArePinnedOverDatabaseDefaults() throws {
        let env = try TestServer.environment()
        let database = try TestServer.makeDatabase("pinned")
        let setup = try CLI.run("psql", ["-X", "-q", "-v", "ON_ERROR_STOP=1", "-d", database, "-c",
            "ALTER DATABASE \(database) SET timezone = 'Asia/Tokyo'", "-c", "ALTER DATABASE \(database) SET bytea_output = 'escape'",
            "-c", "CREATE TABLE t (at timestamptz, b bytea)", "-c", "INSERT INTO t VALUES ('2026-01-01 00:00:00+00', '\\x00ff')"],
                                environment: env)
        #expect(setup.status == 0, "\(setup.errors)")
        let scratch = try ScratchFolder()
        let archive = scratch.file("pinned.scalpel.sql.gz")
        let backup = try CLI.pgscalpel(["backup", "-d", database, "-f", archive], environment: env)
        #expect(backup.status == 0, "\(backup.errors)")
        let data = try CLI.pgscalpel(["cat", archive, "-t", "t", "--data-only"])
        #expect(data.text.contains("2026-01-01 00:00:00+00\t\\\\x00ff\n"), "\(data.text)")
        let listing = try CLI.pgscalpel(["ls", archive])
        #expect(listing.text.contains("TimeZone=UTC") && listing.text.contains("bytea_output=hex"))
    }
}
