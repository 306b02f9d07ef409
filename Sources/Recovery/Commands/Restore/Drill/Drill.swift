import FoundationEssentials
import PostgresAccess
import ScalpelArchive

/// `pgscalpel drill`: the runbook's quarterly restore drill. Restores the whole
/// archive (`RestoreAll`) into an empty database, then checks that every table
/// holds the rows the index recorded and that every object of the archive exists.
/// Data whose count disagrees is loaded anyway, so that the drill names every
/// such table instead of stopping at the first.
public struct Drill: Sendable {
    public var archive: String
    public var jobs: Int
    /// The restore's phases, then the checks'.
    public var progress: Progress?
    /// Which PostgreSQL programs the sidecar uses.
    public var binaries = BinaryChoice()
    /// `--compare-with`: production, whose current row counts the report sets beside the archive's.
    public var production: ConnectionTarget?
    /// `--max-row-drift`: without it, production's counts are information only, as
    /// production moves on after every dump.
    public var maxRowDrift: Double?

    public init(archive: String, jobs: Int = 1) {
        self.archive = archive
        self.jobs = jobs
    }

    /// Into a sidecar, stopped and removed afterwards, unless `keepOnFailure` and
    /// the drill failed: then it is detached and outlives pgscalpel for inspection,
    /// named in the report, or, when the drill stops on an error, handed to
    /// `kept` before the error is thrown.
    public func runInSidecar(keepOnFailure: Bool = false,
                             kept: (DrillReport.KeptServer) -> Void = { _ in }) throws -> DrillReport {
        let started = Date()
        progress?.begin("starting a sidecar server")
        let source = try ArchiveReader.open(archive).index.dump.serverVersion
        let (start, server) = try Self.timed("sidecar") {
            try SidecarServer(binaries: try binaries.sidecarBinaries(sourceVersion: source))
        }
        var keep = false
        defer { if !keep { server.stop() } }
        let target = server.target(database: "postgres")
        func detach() -> DrillReport.KeptServer {
            keep = server.detach()
            return DrillReport.KeptServer(conninfo: target.childProcessArguments().conninfo, removeCommand: server.removeCommand)
        }
        do {
            var report = try run(into: target, started: started, earlierPhases: [start])
            if keepOnFailure && !report.ok { report.kept = detach() }
            return report
        } catch where keepOnFailure {
            kept(detach())
            throw error
        }
    }

    public func run(into target: ConnectionTarget) throws -> DrillReport {
        try run(into: target, started: Date(), earlierPhases: [])
    }

    private func run(into target: ConnectionTarget, started: Date, earlierPhases: [RestoreAllReport.Phase]) throws -> DrillReport {
        let reader = try ArchiveReader.open(archive)
        var restore = RestoreAll(archive: archive, jobs: jobs)
        restore.checkRows = false
        restore.progress = progress
        restore.binaries = binaries
        let restored = try restore.run(into: target)
        defer { progress?.finish() }
        let (checked, checks) = try Self.timed("checks") {
            progress?.begin("checking row counts, indexes and constraints")
            return try DrillChecks(connection: try Connection(target), index: reader.index).run()
        }
        var result = checks
        var phases = earlierPhases + restored.phases + [checked]
        var endpoint: ConnectionEndpoint?
        if let production {
            phases.append(try .measure("production") {
                let counted = try DrillProduction(target: production).counts(of: result.counts.map(\.table))
                endpoint = counted.endpoint
                for position in result.counts.indices {
                    result.counts[position].production = counted.rows[result.counts[position].table] ?? nil
                }
            })
        }
        return DrillReport(seconds: Date().timeIntervalSince(started), archive: Self.facts(of: reader, path: archive),
                           restore: restored, checks: result, phases: phases, production: endpoint, maxRowDrift: maxRowDrift)
    }

    /// `RestoreAllReport.Phase.measure` for a body with a result.
    private static func timed<Value>(_ name: String, _ body: () throws -> Value) throws -> (RestoreAllReport.Phase, Value) {
        let started = Date()
        let value = try body()
        return (RestoreAllReport.Phase(name: name, seconds: Date().timeIntervalSince(started)), value)
    }

    static func facts(of reader: ArchiveReader, path: String) -> DrillReport.Archive {
        let crc = String(reader.footer.indexCRC, radix: 16)
        let dump = reader.index.dump
        return DrillReport.Archive(path: path, bytes: reader.source.size,
                                   indexCRC32: String(repeating: "0", count: 8 - crc.count) + crc,
                                   database: dump.database, serverVersion: dump.serverVersion,
                                   dumpStartedAt: dump.startedAt, dumpCompletedAt: dump.completedAt)
    }
}
