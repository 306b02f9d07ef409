import Foundation
import PostgresAccess
import Support
import Testing
@testable import Recovery
import ScalpelArchive

/// `restore --all` and the drill's checks, against a real server.
@Suite struct DrillTests {
    @Test func aGoodArchivePassesEveryCheck() throws {
        let archive = try PackedArchive(fixture: "awkward-verbose.sql")
        let report = try Drill(archive: archive.path, jobs: 2).run(into: try RestoreServer.makeDatabase())
        #expect(report.ok, "\(report.renderText())")
        #expect(report.counts.contains(DrillReport.Count(table: QualifiedName(schema: "public", name: "plain"), expected: 1500, found: 1500)))
        #expect(report.objects.contains { $0.type == "INDEX" && $0.name == "Idx \"odd\"" && $0.present })
        #expect(report.objects.contains { $0.type == "FK CONSTRAINT" && $0.name == "Order Items_plain_id_fkey" && $0.present })
        #expect(report.phases.map(\.name) == ["schema", "data", "post-data", "checks"])
    }

    @Test func aMissingIndexIsNamed() throws {
        let archive = try PackedArchive(fixture: "awkward-verbose.sql")
        let target = try RestoreServer.makeDatabase()
        _ = try RestoreAll(archive: archive.path).run(into: target)
        let connection = try Connection(target)
        try connection.execute("DROP INDEX \"Sales\".from_qty")
        let checks = DrillChecks(connection: connection, index: try ArchiveReader(path: archive.path).index)
        #expect(try checks.objects().filter { !$0.present }.map(\.name) == ["from_qty"])
    }

    @Test func restoreAllRefusesADatabaseWithTables() throws {
        let archive = try PackedArchive(fixture: "awkward-verbose.sql")
        let target = try RestoreServer.makeDatabase()
        try Connection(target).execute("CREATE TABLE mine (x int)")
        #expect(throws: RestoreError.self) { try RestoreAll(archive: archive.path).run(into: target) }
        #expect(try Connection(target).execute("SELECT to_regtype('public.mood') IS NULL")[0, 0] == "t")
    }
}
