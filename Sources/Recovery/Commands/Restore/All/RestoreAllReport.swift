import PostgresAccess
import FoundationEssentials

/// What `restore --all` did, with the time each phase took (`drill` reports them).
public struct RestoreAllReport: Codable, Sendable {
    public struct Phase: Codable, Sendable, Equatable {
        public var name: String
        public var seconds: Double

        /// Runs `body`, timing it; the phase is only reported when it succeeded.
        static func measure(_ name: String, _ body: () throws -> Void) throws -> Phase {
            let started = Date()
            try body()
            return Phase(name: name, seconds: Date().timeIntervalSince(started))
        }
    }

    public var archive: String
    /// The target's connection string, password hidden.
    public var target: String
    /// Where the target connection went: database, host, port and role.
    public var connection: ConnectionEndpoint?
    /// With `--create`: the database made for the restore.
    public var createdDatabase: String?
    /// Sections run (or loaded), the skipped DATABASE entries of a --create dump not counted.
    public var sections = 0
    /// Rows loaded per TABLE DATA section that was COPY data.
    public var tables: [RestoreReport.Table] = []
    public var phases: [Phase] = []
    public var notes: [String] = []
    /// Roles the archive's OWNER TO, GRANT and REVOKE statements name that the
    /// target lacks: pg_dump dumps no roles, so another server has none of its own.
    public var missingRoles: [String] = []
    /// Without `--exit-on-error`: each statement or load that failed and was passed
    /// over, with its section.
    public var errors: [String] = []

    init(archive: String, target: String) {
        self.archive = archive
        self.target = target
    }


    public func renderText() -> String {
        let rows = tables.reduce(UInt64(0)) { $0 + ($1.rows ?? 0) }
        var lines = ["restored \(sections) sections (\(tables.count) tables, \(rows) rows) into \(target)"]
        if let createdDatabase { lines.append("created database \(createdDatabase)") }
        if let connection { lines.append("connected to \(connection)") }
        lines += phases.map { "  \($0.name): \(decimal($0.seconds, places: 1)) s" }
        if !notes.isEmpty {
            lines.append("notes:")
            lines += notes.map { "  \($0)" }
        }
        if !errors.isEmpty {
            lines.append("errors: \(errors.count) statements failed and were passed over, as psql passes them over:")
            lines += errors.map { "  \($0)" }
        }
        return printableLines(lines)
    }
}

extension RestoreAllReport: CommandOutcome {
    /// Restored, but not all of it: scripts must not take it for a whole restore.
    public var exitStatus: ExitStatus { errors.isEmpty ? .success : .checkFailed }
}
