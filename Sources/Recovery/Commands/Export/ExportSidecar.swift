import PostgresAccess
import ScalpelArchive

/// Where `export --where` has its rows filtered. Only a real server evaluates any
/// PostgreSQL expression exactly as PostgreSQL does, so the chosen tables must be
/// restored somewhere first.
public enum ExportSidecar: Sendable {
    /// A sidecar of its own, holding just the chosen tables (and what they
    /// need), stopped and removed when the export ends, however it ends.
    case auto
    /// A database the tables were already restored into (`restore --into`). It is
    /// only read, in a read-only transaction.
    case database(ConnectionTarget)
}

extension Export {
    /// Runs `body` with the session that filters the plans' rows, or with nil when
    /// there is no `--where` and the rows come straight from the archive.
    func withServer<Result>(for plans: [ExportPlan], reader: ArchiveReader, progress: Progress?,
                            _ body: (ExportServerRows?) throws -> Result) throws -> Result {
        guard plans.contains(where: { $0.filter != nil }) else { return try body(nil) }
        let settings = reader.index.dump.settings
        switch sidecar {
        case .database(let target):
            return try body(ExportServerRows(target: target, plans: plans, settings: settings))
        case .auto:
            let server = try SidecarServer(binaries: try binaries.sidecarBinaries(sourceVersion: reader.index.dump.serverVersion))
            defer { server.stop() }
            let what = plans.count == 1 ? plans[0].table.description : "\(plans.count) tables"
            progress?.begin("restoring \(what) into a sidecar")
            let patterns = try plans.map { try TablePattern(exactly: $0.table) }
            _ = try Restore(archive: archive, options: Restore.Options(tables: patterns)).run(into: server.target, throwaway: true)
            progress?.finish()
            return try body(ExportServerRows(target: server.target, plans: plans, settings: settings))
        }
    }
}
