import PostgresAccess

/// What `apply` planned and, with `--execute`, did.
public struct ApplyReport: Codable, Sendable {
    public var table: String
    public var archive: String
    /// When the archive's dump started, and of which database, when it says.
    public var backupStartedAt: String?
    public var backupDatabase: String?
    public var target: String
    /// The database the target connection reached.
    public var targetDatabase: String
    /// Where the target connection went: database, host, port and role.
    public var connection: ConnectionEndpoint
    public var mode: Apply.Mode
    public var key: [String]
    /// Columns written into matched rows.
    public var columns: [String]
    public var whereClause: String?
    public var productionWhere: String?
    public var executed: Bool
    /// Backup rows in scope, loaded into the temporary table.
    public var backupRows: Int
    /// Rows re-inserted: in the backup, gone from production.
    public var inserted: Int
    /// Rows rewritten from the backup (for `replace`, every matched row).
    public var updated: Int
    /// Of the updated rows, how many differed, per column.
    public var changedColumns: [ChangedColumn]
    /// Rows deleted: in production (in scope) but not in the backup.
    public var deleted: Int
    /// A few keys of each kind, as text: what the dry run shows before anything is written.
    public var sample: [String: [String]]
    public var schemaDrift: SchemaDrift
    public var sequences: [String]
    public var undoArchive: String?
    public var undoRows: Int?
    public var seconds: Double
    /// In a dry run, what the role lacks to execute it (nil: nothing).
    public var role: String?
    public var lackingPrivileges: [String]?
    /// Production's constraints that rows to be written break: `--execute` would fail.
    public var constraintViolations: [ConstraintViolation] = []
    /// Constraints that apply to the writes but that the plan could not judge.
    public var uncheckedConstraints: [String] = []
    /// With violations, the BEFORE triggers that may mend the rows first (then
    /// `--execute` leaves the verdict to the server).
    public var beforeTriggers: [String]?
    /// Enabled row-level BEFORE INSERT or UPDATE triggers that fire on the rows this
    /// writes (none with `--disable-triggers`), which may change them.
    public var firingTriggers: [String] = []
    /// What the plan would do that an operator may not mean (rows added since the
    /// backup deleted, later edits undone, a filter that leaves nothing): shown first.
    public var warnings: [String] = []

    enum CodingKeys: String, CodingKey {
        case table, archive, backupStartedAt, backupDatabase, target, targetDatabase, connection, mode, key, columns
        case whereClause = "where"
        case productionWhere, warnings
        case executed, backupRows, inserted, updated, changedColumns, deleted, sample, schemaDrift, sequences
        case undoArchive, undoRows, seconds, role, lackingPrivileges, constraintViolations, uncheckedConstraints, beforeTriggers
        case firingTriggers
    }

    public func renderText(undoCommand: String?) -> String {
        var lines: [String] = []
        let state = executed ? "committed" : "DRY RUN: nothing was written (add --execute to apply)"
        let backup = [backupDatabase, backupStartedAt.map { "at \($0)" }].compactMap { $0 }.joined(separator: " ")
        lines.append("apply \(table) from \(archive)\(backup.isEmpty ? "" : " (backup of \(backup))") into \(target): \(state)")
        lines.append("connected to \(connection)")
        if let note = databaseMismatchNote(backup: backupDatabase, other: targetDatabase, role: "this writes to database") {
            lines.append(note)
        }
        lines += warnings.map { "WARNING: \($0)" }
        lines.append("mode \(mode.rawValue); rows matched by \(key.joined(separator: ", ")); backup rows in scope: \(backupRows)")
        if let whereClause { lines.append("where: \(whereClause)") }
        if let productionWhere { lines.append("production where: \(productionWhere)") }
        func examples(_ kind: String) -> String {
            guard let keys = sample[kind], !keys.isEmpty else { return "" }
            return " (e.g. " + keys.joined(separator: "; ") + ")"
        }
        let verb = executed ? "" : "to "
        lines.append("\(verb)insert: \(inserted) rows deleted since the backup\(examples("insert"))")
        lines.append("\(verb)update: \(updated) rows\(examples("update"))")
        for column in changedColumns where column.rows > 0 {
            lines.append("  \(column.column): \(column.rows)")
        }
        lines.append("\(verb)delete: \(deleted) rows inserted since the backup\(examples("delete"))")
        if !schemaDrift.isEmpty {
            lines.append("schema drift (only the columns on both sides are restored):")
            lines += schemaDrift.textLines
        }
        if !sequences.isEmpty {
            let moved = executed ? "sequences moved" : "sequences to move"
            lines.append("\(moved) to at least the restored maximum: \(sequences.joined(separator: ", "))")
        }
        if let undoArchive {
            lines.append("undo archive: \(undoArchive) (\(undoRows ?? 0) rows as they were)")
            if let undoCommand { lines.append("to undo: \(undoCommand)") }
        }
        if let lackingPrivileges {
            lines.append("--execute would be refused: role \(role ?? "") lacks \(lackingPrivileges.joined(separator: "; "))")
        }
        if !executed && !constraintViolations.isEmpty {
            lines.append("--execute would fail: production's constraints refuse rows it would write")
            lines += constraintViolations.map { "  " + $0.text }
            if let beforeTriggers {
                lines.append("  unless BEFORE triggers change those rows first: \(beforeTriggers.joined(separator: ", "))")
            }
        }
        if !uncheckedConstraints.isEmpty {
            lines.append("not checked: \(uncheckedConstraints.joined(separator: "; "))")
        }
        lines.append("\(decimal(seconds, places: 2)) s")
        return printableLines(lines)
    }
}

extension ApplyReport: CommandOutcome {
    /// A plan the role may not execute, or whose rows production's constraints refuse,
    /// is a failed check; a dry run that would change rows has a status of its own.
    public var exitStatus: ExitStatus {
        guard lackingPrivileges == nil && (executed || constraintViolations.isEmpty) else { return .checkFailed }
        return executed || inserted + updated + deleted == 0 ? .success : .dryRun
    }
}
