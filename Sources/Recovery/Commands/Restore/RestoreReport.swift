import PostgresAccess
import ScalpelArchive
import Support

/// What a restore did, for the operator (`renderText`) and for scripts (JSON).
public struct RestoreReport: Codable, Sendable {
    public struct Table: Codable, Sendable, Equatable {
        public var table: QualifiedName
        /// Rows loaded; nil when no data was loaded (`--schema-only`, a partitioned
        /// table, whose rows are its partitions').
        public var rows: UInt64?
    }

    public var archive: String
    /// The target's connection string, password hidden.
    public var target: String
    /// Where the target connection went: database, host, port and role.
    public var connection: ConnectionEndpoint?
    public var tables: [Table]
    /// Tables `--clean` dropped before restoring them.
    public var dropped: [QualifiedName] = []
    /// Sections run, as `TYPE schema.name`.
    public var created: [String] = []
    /// Schemas, types, functions, ... the target had already: kept, not recreated.
    public var existing: [String] = []
    public var skippedForeignKeys: [RestorePlan.ForeignKey]
    public var notes: [String] = []
    public var seconds: Double = 0

    public func renderText() -> String {
        var lines = ["restored \(tables.count) table\(tables.count == 1 ? "" : "s") into \(target) "
            + "in \(decimal(seconds, places: 1)) s"]
        if let connection { lines.append("connected to \(connection)") }
        lines += formatTable(header: ["table", "rows"],
                             rows: tables.map { [$0.table.description, $0.rows.map(String.init) ?? "-"] },
                             rightAligned: [1]).map { "  \($0)" }
        if !dropped.isEmpty { lines.append("dropped first (--clean): \(dropped.map(\.description).joined(separator: ", "))") }
        lines.append("created: \(created.count) object\(created.count == 1 ? "" : "s") (--json lists them)")
        if !existing.isEmpty { lines.append("already there, kept: \(existing.joined(separator: ", "))") }
        if !skippedForeignKeys.isEmpty {
            lines.append("foreign keys not restored (their referenced table is not restored):")
            lines += skippedForeignKeys.map { "  \($0.table) \($0.name) -> \($0.references?.description ?? "?")" }
        }
        if !notes.isEmpty {
            lines.append("notes:")
            lines += notes.map { "  \($0)" }
        }
        return printableLines(lines)
    }
}

extension RestoreReport: CommandOutcome {
    /// Any failure rolls the restore back and is thrown instead.
    public var exitStatus: ExitStatus { .success }
}
