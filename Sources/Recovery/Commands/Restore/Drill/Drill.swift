import FoundationEssentials
import PostgresAccess
import ScalpelArchive

/// `pgscalpel drill`: the runbook's quarterly restore drill. Restores the whole
/// archive (`RestoreAll`) into an empty database, then checks that every table
/// holds the rows the index recorded and that every index and constraint of the
/// archive exists. Data whose count disagrees is loaded anyway, so that the drill
/// names every such table instead of stopping at the first.
public struct Drill: Sendable {
    public var archive: String
    public var jobs: Int
    /// The restore's phases, then the checks'.
    public var progress: Progress?
    /// Which PostgreSQL programs the sidecar uses.
    public var binaries = BinaryChoice()

    public init(archive: String, jobs: Int = 1) {
        self.archive = archive
        self.jobs = jobs
    }

    /// Into a sidecar, stopped and removed afterwards.
    public func runInSidecar() throws -> DrillReport {
        progress?.begin("starting a sidecar server")
        let source = try ArchiveReader.open(archive).index.dump.serverVersion
        let server = try SidecarServer(binaries: try binaries.sidecarBinaries(sourceVersion: source))
        defer { server.stop() }
        return try run(into: server.target(database: "postgres"))
    }

    public func run(into target: ConnectionTarget) throws -> DrillReport {
        var restore = RestoreAll(archive: archive, jobs: jobs)
        restore.checkRows = false
        restore.progress = progress
        restore.binaries = binaries
        let restored = try restore.run(into: target)
        defer { progress?.finish() }
        var checks: DrillChecks.Result?
        let phase = try RestoreAllReport.Phase.measure("checks") {
            progress?.begin("checking row counts, indexes and constraints")
            checks = try DrillChecks(connection: try Connection(target), index: try ArchiveReader.open(archive).index).run()
        }
        return DrillReport(restore: restored, counts: checks?.counts ?? [], objects: checks?.objects ?? [],
                           phases: restored.phases + [phase])
    }
}
