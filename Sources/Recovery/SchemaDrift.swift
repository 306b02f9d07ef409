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
            }
        }
        drift.added = added.map(\.name)
        return (drift, shared)
    }
}
