import Foundation
import TestSupport
import Testing
@testable import ScalpelArchive

/// `pgscalpel drill` as an operator runs it, and reads its report at 3 a.m.
@Suite struct DrillCommandTests {
    @Test func drillPassesOnAGoodArchiveInASidecar() throws {
        let scratch = try ScratchFolder()
        let archive = try RestoreCommandTests.pack(into: scratch)
        let outcome = try CLI.pgscalpel(["drill", archive, "-j", "2", "--json"])
        #expect(outcome.status == 0, "\(outcome.errors)")
        let report = try #require(try JSONSerialization.jsonObject(with: outcome.output) as? [String: Any])
        #expect(report["ok"] as? Bool == true)
        let phases = try #require(report["phases"] as? [[String: Any]])
        #expect(phases.compactMap { $0["name"] as? String } == ["sidecar", "schema", "data", "post-data", "checks"])
        let total = try #require(report["seconds"] as? Double)
        #expect(total >= phases.compactMap { $0["seconds"] as? Double }.reduce(0, +))
        let counts = try #require(report["counts"] as? [[String: Any]])
        #expect(!counts.isEmpty && counts.allSatisfy { $0["ok"] as? Bool == true })
        let facts = try #require(report["archive"] as? [String: Any])
        let size = try FileManager.default.attributesOfItem(atPath: archive)[.size] as? Int
        #expect(facts["bytes"] as? Int == size)
        let crc = try ArchiveReader(path: archive).footer.indexCRC
        #expect(facts["indexCRC32"] as? String == String(format: "%08x", crc))
        let kinds = try #require(report["kinds"] as? [[String: Any]])
        #expect(kinds.contains { $0["type"] as? String == "VIEW" && $0["found"] as? Int == 1 })
    }

    @Test func drillExitsWith1NamingATableWhoseRowsDisagree() throws {
        let scratch = try ScratchFolder()
        let archive = try RestoreCommandTests.pack(into: scratch)
        try claimOneMoreRow(in: "plain", archive: archive)
        let database = try TestServer.makeDatabase("drill")
        let outcome = try CLI.pgscalpel(["drill", archive, "--into", "dbname=\(database)"], environment: TestServer.environment())
        #expect(outcome.status == 1, "\(outcome.errors)")
        #expect(outcome.text.hasPrefix("drill of \(archive): FAILED in "))
        // Where the restore went, as every command that connects says.
        #expect(outcome.text.contains("\nconnected to database \(database) on /"), "\(outcome.text)")
        #expect(outcome.text.contains("public.plain: 1500 rows, the index says 1501"))
    }

    /// An archive `backup` made names its database, dump times and extension
    /// versions; production's rows now stand beside the archive's, as information
    /// until --max-row-drift makes them a check.
    @Test func aBackupIsComparedWithProductionInMarkdown() throws {
        let environment = try TestServer.environment()
        let source = try TestServer.loadFixture("awkward.sql", prefix: "drill_prod")
        let setup = try CLI.run("psql", ["-X", "-q", "-v", "ON_ERROR_STOP=1", "-d", source, "-c", "CREATE EXTENSION citext"],
                                environment: environment)
        #expect(setup.status == 0, "\(setup.errors)")
        let scratch = try ScratchFolder()
        let archive = scratch.file("prod.scalpel.sql.gz")
        let backup = try CLI.pgscalpel(["backup", "-d", source, "-f", archive], environment: environment)
        #expect(backup.status == 0, "\(backup.errors)")
        let grow = try CLI.run("psql", ["-X", "-q", "-d", source, "-c", "INSERT INTO plain (note) SELECT 'new' FROM generate_series(1, 100)"],
                               environment: environment)
        #expect(grow.status == 0, "\(grow.errors)")

        let drill = try CLI.pgscalpel(["drill", archive, "--compare-with", "dbname=\(source)", "--format", "markdown"],
                                      environment: environment)
        #expect(drill.status == 0, "\(drill.errors)")
        #expect(drill.text.hasPrefix("## Restore drill: "))
        #expect(drill.text.contains("**Passed** in "))
        #expect(drill.text.contains("| dump | database \(source.replacing("_", with: "\\_")), server "))
        #expect(drill.text.contains("| public.plain | 1500 | 1500 | 1600 (archive 1500, +100, 6.7%) |"), "\(drill.text)")
        #expect(drill.text.contains("| EXTENSION | 1 | 1 |"))
        #expect(drill.text.contains("- citext: 1.6"), "\(drill.text)")

        let strict = try CLI.pgscalpel(["drill", archive, "--compare-with", "dbname=\(source)", "--max-row-drift", "5"],
                                       environment: environment)
        #expect(strict.status == 1, "\(strict.errors)")
        #expect(strict.text.contains("  public.plain: 1600 (archive 1500, +100, 6.7%)\n"), "\(strict.text)")
        #expect(strict.text.contains("drift: public.plain moved 6.7% in production, over --max-row-drift 5.0%"), "\(strict.text)")
    }

    @Test func aFailedDrillKeepsItsServerWhenAsked() throws {
        let scratch = try ScratchFolder()
        let archive = try RestoreCommandTests.pack(into: scratch)
        try claimOneMoreRow(in: "plain", archive: archive)
        let outcome = try CLI.pgscalpel(["drill", archive, "--keep-on-failure"])
        #expect(outcome.status == 1, "\(outcome.errors)")
        let kept = "the server is kept for inspection: "
        let conninfo = try #require(outcome.text.range(of: kept).map { String(outcome.text[$0.upperBound...].prefix { $0 != "\n" }) })
        let directory = String(try #require(conninfo.split(separator: " ").first { $0.hasPrefix("host=") }?.dropFirst(5)))
        usleep(500_000)  // pgscalpel has exited: the server must outlive it
        let query = try CLI.run("psql", ["-X", "-Atc", "SELECT count(*) FROM public.plain", conninfo],
                                environment: TestServer.environment())
        #expect(query.text == "1500\n", "\(query.errors)")
        let marker = "remove it with: "
        let remove = try #require(outcome.text.range(of: marker).map { String(outcome.text[$0.upperBound...].prefix { $0 != "\n" }) })
        let removed = try CLI.shell(remove)
        #expect(removed.status == 0, "\(removed.errors)")
        #expect(!FileManager.default.fileExists(atPath: directory))
    }

    /// A restore that stops on an error has no report to carry the server's
    /// address: standard error gives it, before the error. The view fails in the
    /// schema phase, so the tables are there, without their data.
    @Test func aDrillStoppedByAnErrorKeepsItsServerWhenAsked() throws {
        let scratch = try ScratchFolder()
        let archive = scratch.file("broken.scalpel.sql.gz")
        let dump = try String(contentsOfFile: Fixture.path("awkward-verbose.sql"), encoding: .utf8)
        let broken = dump.replacing(#"WHERE ("Order Items".qty > 1);"#, with: #"WHERE ("Order Items".no_such_column > 1);"#)
        #expect(broken != dump)
        #expect(try CLI.pgscalpel(["pack", "-f", archive], input: Data(broken.utf8)).status == 0)
        let outcome = try CLI.pgscalpel(["drill", archive, "--keep-on-failure"])
        #expect(outcome.status == 2, "\(outcome.errors)")
        #expect(outcome.errors.contains("no_such_column"), "\(outcome.errors)")
        let kept = "drill: the server is kept for inspection: "
        let conninfo = try #require(outcome.errors.range(of: kept).map { String(outcome.errors[$0.upperBound...].prefix { $0 != "\n" }) })
        let query = try CLI.run("psql", ["-X", "-Atc", "SELECT count(*) FROM public.plain", conninfo],
                                environment: TestServer.environment())
        #expect(query.text == "0\n", "\(query.errors)")
        let marker = "drill: remove it with: "
        let remove = try #require(outcome.errors.range(of: marker).map { String(outcome.errors[$0.upperBound...].prefix { $0 != "\n" }) })
        #expect(try CLI.shell(remove).status == 0)
    }

    @Test func optionsThatNeedOthersAreUsageErrors() throws {
        let keep = try CLI.pgscalpel(["drill", "x.scalpel.sql.gz", "--into", "dbname=x", "--keep-on-failure"])
        #expect(keep.status == 2)
        #expect(keep.errors.contains("--keep-on-failure goes with --into auto"))
        let drift = try CLI.pgscalpel(["drill", "x.scalpel.sql.gz", "--max-row-drift", "5"])
        #expect(drift.status == 2)
        #expect(drift.errors.contains("--max-row-drift needs --compare-with"))
    }

    /// Rewrites only the archive's index, claiming one row more for `table`'s data, with valid CRCs.
    private func claimOneMoreRow(in table: String, archive path: String) throws {
        try rewriteIndex(of: path) { index in
            let position = try #require(index.sections.firstIndex { $0.type == "TABLE DATA" && $0.name == table })
            index.sections[position].rows! += 1
        }
    }
}
