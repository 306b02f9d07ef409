import ScalpelArchive
import Support

/// The drill's findings, for the operator (`renderText`) and for scripts (JSON).
public struct DrillReport: Codable, Sendable {
    public struct Count: Codable, Sendable, Equatable {
        public var table: QualifiedName
        /// The index's rows for the table's data.
        public var expected: UInt64
        /// `SELECT count(*)` on the restored table.
        public var found: UInt64?
        public var ok: Bool { found == expected }
    }

    /// An index or constraint of the archive, looked up on the restored database.
    public struct Object: Codable, Sendable, Equatable {
        public var type: String
        public var schema: String
        /// The index's or constraint's own name.
        public var name: String
        public var present: Bool
    }

    public var restore: RestoreAllReport
    public var counts: [Count]
    public var objects: [Object]
    /// schema, data, post-data, checks.
    public var phases: [RestoreAllReport.Phase]

    public var ok: Bool { counts.allSatisfy(\.ok) && objects.allSatisfy(\.present) }

    public func renderText() -> String {
        var lines = ["drill of \(restore.archive): \(ok ? "passed" : "FAILED")",
                     "restored \(restore.sections) sections into \(restore.target)"]
        lines += phases.map { "  \($0.name): \(decimal($0.seconds, places: 1)) s" }
        let wrongCounts = counts.filter { !$0.ok }
        lines.append("row counts: \(counts.count - wrongCounts.count) of \(counts.count) tables match the index")
        lines += wrongCounts.map { "  \($0.table): \($0.found.map(String.init) ?? "?") rows, the index says \($0.expected)" }
        let missing = objects.filter { !$0.present }
        lines.append("indexes and constraints: \(objects.count - missing.count) of \(objects.count) present")
        lines += missing.map { "  missing: \($0.type) \($0.schema).\($0.name)" }
        if !restore.notes.isEmpty {
            lines.append("notes:")
            lines += restore.notes.map { "  \($0)" }
        }
        return printableLines(lines)
    }
}

extension DrillReport: CommandOutcome {
    public var exitStatus: ExitStatus { ok ? .success : .checkFailed }
}
