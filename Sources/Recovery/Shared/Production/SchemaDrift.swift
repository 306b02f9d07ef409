import PostgresAccess
import Support

/// How a table's columns moved between the backup and production: the usual
/// trace of a migration. `diff` reports it and goes on over the columns both
/// sides share; `apply` restores only those.
public struct SchemaDrift: Codable, Sendable, Equatable {
    public struct Retyped: Codable, Sendable, Equatable {
        public var column: String
        public var backup: String
        public var production: String
    }

    public struct Renamed: Codable, Sendable, Equatable {
        public var backup: String
        public var production: String
        public var type: String
    }

    /// In the backup, gone from production.
    public var dropped: [String] = []
    /// The backup's type of each dropped column: what adding it back takes.
    public var droppedTypes: [String: String] = [:]
    /// New in production.
    public var added: [String] = []
    /// Same name, another type: still compared, by the text of their values.
    public var retyped: [Retyped] = []
    /// The one dropped and the one added column of some type: most likely a rename. Reported, not compared: the names differ,
    /// and guessing wrong would write one column's values into another.
    public var renamed: [Renamed] = []
    /// Generated in production: derived, so neither compared nor written.
    public var generated: [String] = []

    public var isEmpty: Bool {
        dropped.isEmpty && added.isEmpty && retyped.isEmpty && renamed.isEmpty
    }

    /// The backup's columns (those its COPY data holds, with their types) against
    /// production's. Returns the drift and the shared columns, in the backup's order.
    static func between(backup: [(name: String, typeText: String)],
                        production: [LiveTable.Column]) -> (drift: SchemaDrift, shared: [String]) {
        var drift = SchemaDrift()
        var shared: [String] = []
        var dropped: [(name: String, typeText: String)] = []
        for column in backup {
            guard let live = production.first(where: { $0.name == column.name }) else {
                dropped.append(column)
                continue
            }
            if live.isGenerated {
                drift.generated.append(column.name)
                continue
            }
            if live.typeText != column.typeText {
                drift.retyped.append(Retyped(column: column.name, backup: column.typeText, production: live.typeText))
            }
            shared.append(column.name)
        }
        let backupNames = Set(backup.map(\.name))
        var added = production.filter { !$0.isGenerated && !backupNames.contains($0.name) }
        for column in dropped {
            let sameTypeDropped = dropped.filter { $0.typeText == column.typeText }.count
            if sameTypeDropped == 1, added.filter({ $0.typeText == column.typeText }).count == 1,
               let match = added.firstIndex(where: { $0.typeText == column.typeText }) {
                drift.renamed.append(Renamed(backup: column.name, production: added[match].name, type: column.typeText))
                added.remove(at: match)
            } else {
                drift.dropped.append(column.name)
                if !column.typeText.isEmpty { drift.droppedTypes[column.name] = column.typeText }
            }
        }
        drift.added = added.map(\.name)
        return (drift, shared)
    }

    /// The drift as indented lines, for the text reports of `diff` and `apply`.
    var textLines: [String] {
        var lines: [String] = []
        if !dropped.isEmpty {
            let typed = dropped.map { name in droppedTypes[name].map { "\(name) (\($0))" } ?? name }
            lines.append("  dropped in production: \(typed.joined(separator: ", "))")
        }
        if !added.isEmpty { lines.append("  added in production: \(added.joined(separator: ", "))") }
        for retyped in retyped {
            lines.append("  retyped: \(retyped.column) \(retyped.backup) -> \(retyped.production) (compared as text)")
        }
        for renamed in renamed {
            lines.append("  renamed?: \(renamed.backup) -> \(renamed.production) (\(renamed.type); not compared)")
        }
        if !generated.isEmpty {
            lines.append("  generated in production, not compared: \(generated.joined(separator: ", "))")
        }
        if !dropped.isEmpty {
            let names = dropped.map(CommaList.spelling).joined(separator: ",")
            lines.append("  to restore \(names): add \(dropped.count == 1 ? "it" : "them") to production again, "
                + "then apply --columns \(names.shellQuoted)")
        }
        return lines
    }

    /// Why `option` cannot use the column `name` of `table`. For a column dropped in
    /// production, the statement that adds it back, for the operator to run: pgscalpel
    /// changes no table's definition in production.
    func refusal(of name: String, option: String, table: QualifiedName, on connection: Connection) throws -> String {
        if dropped.contains(name) {
            guard let type = droppedTypes[name] else {
                return "\(option): \(name) was dropped from production's \(table); add it back, then run this again"
            }
            // format's %I quotes only where SQL needs it, as quote_ident does: the
            // statement reads as the operator would type it.
            let statement = try connection.execute("SELECT format('ALTER TABLE %I.%I ADD COLUMN %I', $1::text, $2::text, $3::text)",
                                                   [table.schema ?? "public", table.name, name])
            let alter = "\(statement[0, 0] ?? "") \(type)"
            return "\(option): \(name) was dropped from production's \(table); add it back (\(alter)), then run this again"
        }
        if let rename = renamed.first(where: { $0.backup == name }) {
            return "\(option): \(name) is not in production's \(table) (renamed to \(rename.production)?); columns are matched by name"
        }
        if added.contains(name) || renamed.contains(where: { $0.production == name }) {
            return "\(option): \(name) is not in the backup's \(table) (added in production since the backup)"
        }
        if generated.contains(name) {
            return "\(option): \(name) is a generated column in production: derived, never compared or written"
        }
        return "\(option): \(table) has no column \(name), in the backup or in production"
    }
}
