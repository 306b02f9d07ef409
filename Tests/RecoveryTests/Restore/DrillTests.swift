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
        let kinds = Dictionary(uniqueKeysWithValues: report.kinds.map { ($0.type, $0) })
        for type in ["TABLE", "VIEW", "MATERIALIZED VIEW", "INDEX", "CONSTRAINT", "FK CONSTRAINT", "TRIGGER", "FUNCTION",
                     "SEQUENCE", "TYPE", "DOMAIN", "SCHEMA", "POLICY", "RULE", "STATISTICS"] {
            #expect(kinds[type].map { $0.found == $0.expected && $0.expected > 0 } == true, "\(type): \(String(describing: kinds[type]))")
        }
        #expect(kinds["INDEX"]?.expected == 5)
        #expect(report.unchecked.contains("COMMENT") && !report.unchecked.contains("TABLE DATA"))
        #expect(report.phases.map(\.name) == ["schema", "data", "post-data", "checks"])
        #expect(report.seconds >= report.phases.reduce(0) { $0 + $1.seconds })
        #expect(report.archive.bytes == UInt64(try FileManager.default.attributesOfItem(atPath: archive.path)[.size] as? Int ?? 0))
        #expect(report.archive.indexCRC32.count == 8)
    }

    /// Every kind the catalogs hold by name, dropped from a restored database,
    /// is named as missing with its schema (and table, for what is named per table).
    @Test func missingObjectsOfEveryKindAreNamed() throws {
        let archive = try PackedArchive(fixture: "awkward-verbose.sql")
        let target = try RestoreServer.makeDatabase()
        _ = try RestoreAll(archive: archive.path).run(into: target)
        let connection = try Connection(target)
        try connection.execute("""
            DROP TRIGGER "Trg on select" ON public."select"; DROP VIEW public.v_orders; DROP RULE r_dup ON other.dup;
            DROP POLICY "p 1" ON public.plain; DROP MATERIALIZED VIEW public.mv; DROP FUNCTION public.ghost_fn
            """)
        try connection.execute(#"DROP SEQUENCE "Sales"."Seq ""Q""""#)
        let checks = DrillChecks(connection: connection, index: try ArchiveReader(path: archive.path).index)
        let missing = Dictionary(uniqueKeysWithValues: try checks.objects().kinds.map { ($0.type, $0.missing) })
        #expect(missing["TRIGGER"] == ["public.select.\"Trg on select\""])
        #expect(missing["VIEW"] == ["public.v_orders"])
        #expect(missing["RULE"] == ["other.dup.r_dup"])
        #expect(missing["POLICY"] == ["public.plain.\"p 1\""])
        #expect(missing["MATERIALIZED VIEW"] == ["public.mv"])
        #expect(missing["FUNCTION"] == ["public.ghost_fn"])
        #expect(missing["SEQUENCE"] == ["Sales.\"Seq \"\"Q\"\"\""])
        #expect(missing["TABLE"] == [])
    }

    @Test func aMissingIndexIsNamed() throws {
        let archive = try PackedArchive(fixture: "awkward-verbose.sql")
        let target = try RestoreServer.makeDatabase()
        _ = try RestoreAll(archive: archive.path).run(into: target)
        let connection = try Connection(target)
        try connection.execute("DROP INDEX \"Sales\".from_qty")
        let checks = DrillChecks(connection: connection, index: try ArchiveReader(path: archive.path).index)
        #expect(try checks.objects().kinds.flatMap(\.missing) == ["Sales.from_qty"])
    }

    @Test func restoreAllRefusesADatabaseWithTables() throws {
        let archive = try PackedArchive(fixture: "awkward-verbose.sql")
        let target = try RestoreServer.makeDatabase()
        try Connection(target).execute("CREATE TABLE mine (x int)")
        #expect(throws: RestoreError.self) { try RestoreAll(archive: archive.path).run(into: target) }
        #expect(try Connection(target).execute("SELECT to_regtype('public.mood') IS NULL")[0, 0] == "t")
    }
}
