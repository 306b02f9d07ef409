import Glibc
import FoundationEssentials
import PostgresAccess
import ScalpelArchive
import Support

/// `pgscalpel apply`: puts one table's rows (or some of its rows or columns) back
/// from an archive into production, in place: the table is never dropped, so the
/// foreign keys, views, grants, policies and triggers that depend on it survive.
///
/// Everything runs in one transaction. The backup's rows are copied (COPY data
/// only) into a temporary table, the plan is counted and checked there, then
/// set-based statements built by pgscalpel write the difference, the result is
/// compared with the backup again, and only a match commits. Without `execute`
/// the same transaction stops after the plan and rolls back: no lock beyond
/// reading, no row changed.
public struct Apply {
    public enum Mode: String, Codable, CaseIterable, Sendable {
        /// The rows in scope become exactly the backup's; every matched row is rewritten.
        case replace
        /// Only the difference is written: missing rows inserted, changed ones updated, extra ones deleted.
        case merge
        /// Only rows deleted since the backup are inserted again.
        case missing
    }

    public var archive: String
    public var table: TablePattern
    public var target: ConnectionTarget
    public var mode: Mode = .merge
    /// `--key`: columns to match rows on instead of the primary key (checked to be one).
    public var key: [String]?
    /// `--columns`: restore only these columns of matched rows; nothing inserted or deleted.
    public var columns: [String]?
    public var whereClause: String?
    public var execute = false
    public var undoPath: String?
    public var lockTimeout = "10s"
    public var statementTimeout: String?
    public var disableTriggers = false
    public var sampleSize = 5

    public init(archive: String, table: TablePattern, target: ConnectionTarget) {
        self.archive = archive
        self.table = table
        self.target = target
    }

    /// The default undo archive: in the working directory, named for the table and the time.
    public static func defaultUndoPath(for table: String, at date: Date = Date()) -> String {
        let stamp = isoTimestamp(date).replacing(":", with: "")
        let safe = table.map { $0.isLetter || $0.isNumber || $0 == "." || $0 == "_" ? $0 : "_" }
        return "pgscalpel-undo-\(String(safe))-\(stamp).scalpel.sql.gz"
    }

    public func run(progress: Progress? = nil) throws -> ApplyReport {
        let started = Date()
        defer { progress?.finish() }
        let reader = try ArchiveReader(path: archive)
        let matches = try reader.index.tables(matching: table)
        guard matches.count == 1 else { throw UsageError("\(table) names \(matches.count) tables: apply restores one") }
        let relation = matches[0]
        let catalog = ArchiveTableCatalog(reader: reader)
        let sections = catalog.dataSections(of: relation)
        guard let first = sections.first else { throw UsageError("\(relation) has no data in the archive") }
        let declared = try catalog.columns(of: relation)
        let backupColumns = (first.columns ?? []).map { (name: $0, typeText: declared[$0]?.typeText ?? "") }
        if let whereClause { _ = try WhereExpression(whereClause) }
        let session = ArchiveTextSession(dump: reader.index.dump)
        var undoKeys: [Section]?
        if let undo = reader.index.dump.undo {
            guard whereClause == nil else {
                throw UsageError("an undo archive covers exactly the rows an apply changed: it takes no --where")
            }
            guard key == nil else {
                throw UsageError("an undo archive matches rows by the key it was written with: it takes no --key")
            }
            undoKeys = catalog.dataSections(of: undo.insertedKeys)
        }

        // An undo archive may be the only way back from an earlier apply: never written over.
        let undoFile = undoPath ?? Self.defaultUndoPath(for: relation.description)
        if execute && FileManager.default.fileExists(atPath: undoFile) {
            throw UsageError("the undo archive \(undoFile) exists already: give --undo a new path")
        }
        // Found now rather than after the table is locked and the plan made.
        let undoFolder = AtomicFileSink.folder(of: undoFile)
        if execute && access(undoFolder, W_OK | X_OK) != 0 {
            throw UsageError("cannot write the undo archive into \(undoFolder): \(String(cString: strerror(errno))); "
                + "give --undo a path where it can go")
        }

        let connection = try Connection(target)
        // The backup's rows stay in memory rather than spill to temporary files; local
        // buffers are allocated only as the temporary tables fill, and only before
        // the session's first temporary table can the limit be set.
        try connection.execute("SET temp_buffers = '256MB'")
        try connection.execute("BEGIN")
        let report: ApplyReport
        do {
            report = try plan(relation: relation, sections: sections, backupColumns: backupColumns,
                              archiveKey: try reader.index.dump.undo?.key ?? key ?? catalog.primaryKey(of: relation),
                              undoKeys: undoKeys, undoFile: undoFile, reader: reader,
                              session: session, connection: connection, started: started, progress: progress)
        } catch {
            _ = try? connection.execute("ROLLBACK")
            // Rolled back: an undo archive written on the way describes no change.
            if execute { unlink(undoFile) }
            if let error = error as? PostgresError {
                if error.sqlState == "55P03" {
                    throw ApplyError("could not lock \(relation) within --lock-timeout \(lockTimeout): another transaction "
                        + "is writing it; nothing was changed")
                }
                if let whereClause, error.sqlState?.hasPrefix("42") == true {
                    throw UsageError("--where \(whereClause): \(error)")
                }
                throw ApplyError("\(error); nothing was changed")
            }
            throw error
        }
        do {
            try connection.execute(execute ? "COMMIT" : "ROLLBACK")
        } catch {
            throw ApplyError("\(error): whether the transaction committed is unknown; "
                + "the undo archive \(undoFile) is kept, compare with `pgscalpel diff`")
        }
        return report
    }

    private func plan(relation: QualifiedName, sections: [Section], backupColumns: [(name: String, typeText: String)],
                      archiveKey: [String]?, undoKeys: [Section]?, undoFile: String, reader: ArchiveReader, session: ArchiveTextSession, connection: Connection,
                      started: Date, progress: Progress?) throws -> ApplyReport {
        // First, as the literals sent after it are standard strings.
        try session.set(on: connection)
        try connection.execute("SET LOCAL lock_timeout = \(lockTimeout.sqlLiteral)")
        // The plan's joins hash the whole table; at the default 4MB they spill to
        // temporary files, which cost more than the joins themselves.
        try connection.execute("SET LOCAL work_mem = '256MB'")
        if let statementTimeout {
            try connection.execute("SET LOCAL statement_timeout = \(statementTimeout.sqlLiteral)")
        }
        let live = try LiveTable(relation, on: connection)
        try live.requireEveryRowVisible(to: "apply", on: connection)
        let lockName = relation.sqlIdentifier(defaultSchema: "public")
        if execute {
            try ApplyPrivileges(owner: disableTriggers).require(on: live, connection: connection)
            progress?.update("locking \(relation) against writers")
            // Blocks writers of this table only; readers go on. Taken before any row is read.
            try connection.execute("LOCK TABLE \(lockName) IN SHARE ROW EXCLUSIVE MODE")
        }
        let (drift, shared) = SchemaDrift.between(backup: backupColumns, production: live.columns)
        guard let key = archiveKey ?? live.primaryKey else {
            throw ApplyError("\(relation) has no primary key in the archive or in production: name columns that identify "
                + "a row with --key")
        }
        for column in key where !shared.contains(column) {
            throw ApplyError("key column \(column) of \(relation) is not on both sides (schema drift): apply refuses")
        }
        var updated = shared.filter { !key.contains($0) }
        if let columns {
            for column in columns where !shared.contains(column) {
                throw UsageError(try drift.refusal(of: column, option: "--columns", table: relation, on: connection))
            }
            if let keyColumn = columns.first(where: key.contains) {
                throw UsageError("--columns: \(keyColumn) is part of the key, which matches rows and is never rewritten")
            }
            updated = updated.filter(columns.contains)
        }
        // Identity columns that are GENERATED ALWAYS accept no value in an UPDATE.
        updated.removeAll { name in live[column: name]?.isAlwaysIdentity == true }
        // `--columns` alone reads only the key and those columns of the backup's rows, so
        // that another column retyped since, whose old values may not fit, is no obstacle.
        let loaded = columns != nil && whereClause == nil && undoKeys == nil ? key + updated : shared
        let sql = try ApplyStatements(table: relation, live: live, key: key, shared: shared, loaded: loaded, updated: updated,
                                      whereClause: whereClause, restrictedToUndo: undoKeys != nil)

        try connection.execute(sql.createBackupTable)
        do {
            try loadRows(of: sections, columns: loaded, into: sql.copyIntoBackupTable, reader: reader, on: connection,
                         progress: progress)
        } catch let error as PostgresError where ["22", "23"].contains(error.sqlState?.prefix(2)) && !drift.retyped.isEmpty {
            // The temporary table has production's types: a value of the backup that
            // the new type cannot hold (too long, out of range, not a number, refused
            // by a domain's CHECK) stops here.
            let retyped = drift.retyped.map { "\($0.column) \($0.backup) -> \($0.production)" }.joined(separator: ", ")
            throw ApplyError("the backup's rows do not fit production's column types (retyped since the backup: \(retyped)): "
                + "\(error); nothing was changed (restore other columns with --columns)")
        }
        if whereClause != nil { try connection.execute(sql.narrowBackupTable) }
        if self.key != nil {
            // A primary key is one by construction; columns the user names must be shown to be.
            try requireUniqueKey(key, in: sql.target, side: "production", on: connection)
            try requireUniqueKey(key, in: ApplyStatements.backupTable, side: "the backup", on: connection)
        }
        if let insertedKeys = undoKeys {
            try connection.execute(sql.createInsertedKeysTable)
            try loadRows(of: insertedKeys, columns: key, into: sql.copyIntoInsertedKeysTable, reader: reader,
                         on: connection, progress: progress)
        }

        progress?.update("planning")
        let backupRows = try count("SELECT count(*) FROM \(ApplyStatements.backupTable)", on: connection)
        let writesRows = columns == nil
        var missing = 0, extra = 0, updates = 0
        var perColumn = Array(repeating: 0, count: updated.count)
        var sample: [String: [String]] = [:]
        if writesRows && mode != .missing {
            try connection.execute(sql.findDifferences(everyMatched: mode == .replace))
            for kind in [ApplyStatements.Kind.missing, .extra, .changed] { try connection.execute(sql.separate(kind)) }
        } else if writesRows {
            try connection.execute(sql.findMissing)
        } else if mode != .missing {
            try connection.execute(sql.findChanged(everyMatched: mode == .replace))
        }
        if writesRows {
            missing = try count("SELECT count(*) FROM \(ApplyStatements.missingTable)", on: connection)
            if missing > 0 { sample["insert"] = try keys(sql.sample(ApplyStatements.missingTable, limit: sampleSize), key: key, on: connection) }
        }
        if writesRows && mode != .missing {
            extra = try count("SELECT count(*) FROM \(ApplyStatements.extraTable)", on: connection)
            if extra > 0 { sample["delete"] = try keys(sql.sample(ApplyStatements.extraTable, limit: sampleSize), key: key, on: connection) }
        }
        if mode != .missing {
            let counts = try connection.execute(sql.countChanged)
            updates = Int(counts[0, 0] ?? "0") ?? 0
            perColumn = updated.indices.map { Int(counts[0, $0 + 2] ?? "0") ?? 0 }
            if updates > 0 { sample["update"] = try keys(sql.sample(ApplyStatements.changedTable, limit: sampleSize), key: key, on: connection) }
        }
        if extra > 0 { try refuseReferencedDeletes(live: live, sql: sql, relation: relation, on: connection) }
        // Only written values can pass a sequence: re-inserted rows, or an updated
        // column that a sequence feeds.
        let sequences = try live.ownedSequences(on: connection).filter { owned in
            missing > 0 || (updates > 0 && updated.contains(owned.column))
        }
        let privileges = ApplyPrivileges(insertColumns: missing > 0 ? shared : [], updateColumns: updates > 0 ? updated : [],
                                         delete: extra > 0, sequences: sequences.map(\.sequence), owner: disableTriggers)
        if execute { try privileges.require(on: live, connection: connection) }
        let lacking = execute ? [] : try privileges.lacking(on: live, connection: connection)
        progress?.update("checking the rows against production's constraints")
        let foreseen = try ApplyConstraintCheck(sql: sql, live: live, keyNames: key, inserts: missing > 0,
                                                updates: updates > 0 && !updated.isEmpty, deletes: extra > 0,
                                                sampleSize: sampleSize).run(on: connection)
        // A BEFORE trigger may mend a row on its way in: then only the server can tell.
        let menders = disableTriggers || foreseen.violations.isEmpty ? [] : foreseen.beforeTriggers
        if execute && !foreseen.violations.isEmpty && menders.isEmpty {
            throw ApplyError("production's constraints would refuse rows this writes: "
                + foreseen.violations.map(\.text).joined(separator: "; ") + "; nothing was changed")
        }
        let targetDatabase = connection.database

        var report = ApplyReport(
            table: relation.description, archive: archive, backupStartedAt: reader.index.dump.startedAt, backupDatabase: reader.index.dump.database,
            target: target.redacted, targetDatabase: targetDatabase, mode: mode, key: key, columns: updated,
            whereClause: whereClause, executed: false, backupRows: backupRows, inserted: missing, updated: updates,
            changedColumns: zip(updated, perColumn).map { ChangedColumn(column: $0, rows: $1) },
            deleted: extra, sample: sample, schemaDrift: drift, sequences: sequences.map(\.sequence),
            undoArchive: nil, undoRows: nil, seconds: 0)
        report.constraintViolations = foreseen.violations
        report.uncheckedConstraints = foreseen.unchecked
        if !menders.isEmpty { report.beforeTriggers = menders }
        if !lacking.isEmpty {
            report.role = try connection.currentRole()
            report.lackingPrivileges = lacking
        }
        guard execute else {
            report.seconds = Date().timeIntervalSince(started)
            return report
        }

        let undo = UndoArchive(path: undoFile, table: relation,
                               live: live, key: key, owner: try live.owner(on: connection))
        let saved = undo.columns.map(\.name.sqlIdentifier).joined(separator: ", ")
        progress?.update("saving the rows about to change to \(undo.path)")
        report.undoRows = try undo.write(rows: "COPY (\(sql.rowsAboutToChange(columns: saved, updating: updates > 0, deleting: extra > 0))) TO STDOUT",
                                         insertedKeys: missing > 0 ? "COPY (\(sql.sample(ApplyStatements.missingTable, limit: nil))) TO STDOUT" : nil,
                                         on: connection, settings: session.settings, database: targetDatabase, progress: progress)
        report.undoArchive = undo.path

        progress?.update("writing")
        let triggers = disableTriggers ? try live.enabledUserTriggers(on: connection) : []
        for trigger in triggers {
            try connection.execute("ALTER TABLE \(sql.target) DISABLE TRIGGER \(trigger.name.sqlIdentifier)")
        }
        // Deletes first, so a re-inserted row may take back a unique value that a row
        // added since holds; inserts before updates, so an updated row may point
        // at a re-inserted one (ON DELETE SET NULL children of deleted rows).
        if extra > 0 { try connection.execute(sql.deleteExtra) }
        if missing > 0 { try connection.execute(sql.insertMissing) }
        if updates > 0 && !updated.isEmpty { try connection.execute(sql.updateChanged) }
        for trigger in triggers {
            try connection.execute("ALTER TABLE \(sql.target) \(trigger.enable) TRIGGER \(trigger.name.sqlIdentifier)")
        }
        for owned in sequences {
            try moveSequence(owned, table: sql.target, on: connection)
        }

        progress?.update("checking the result against the backup")
        let unrestored = try count(sql.countUnrestored(inserted: missing > 0, updated: updates > 0 && !updated.isEmpty),
                                   on: connection)
        let remaining = extra > 0 ? try count(sql.countRemaining, on: connection) : 0
        guard unrestored == 0 && remaining == 0 else {
            throw ApplyError("after the writes, \(unrestored) rows still differ from the backup and \(remaining) rows "
                + "to delete remain (a trigger or rule changed them?); rolled back, nothing was changed")
        }
        report.executed = true
        report.seconds = Date().timeIntervalSince(started)
        return report
    }

    /// Streams rows of the archive into a temporary table, as COPY data only: the
    /// archive's SQL is never run on production.
    private func loadRows(of sections: [Section], columns: [String], into copy: String, reader: ArchiveReader,
                          on connection: Connection, progress: Progress?) throws {
        try connection.copyIn(copy) { writer in
            var buffer: [UInt8] = []
            var rows = 0
            try reader.forEachRow(in: sections, as: columns) { row in
                buffer.append(bytes: row)
                buffer.append(0x0A)
                rows += 1
                if buffer.count >= 1 << 20 {
                    try writer.write(buffer)
                    buffer.removeAll(keepingCapacity: true)
                    progress?.update("loading the backup's rows: \(rows)")
                }
            }
            try writer.write(buffer)
        }
    }

    /// A delete that rows of other tables still use would fail, or cascade into
    /// them: the plan stops first, naming the constraint and how many rows.
    private func refuseReferencedDeletes(live: LiveTable, sql: ApplyStatements, relation: QualifiedName,
                                         on connection: Connection) throws {
        for reference in try live.referencingKeys(on: connection) {
            let referencing = try count(sql.countReferencing(reference), on: connection)
            if referencing > 0 {
                throw ApplyError("the plan deletes rows of \(relation) that \(referencing) rows of \(reference.table) still "
                    + "reference through \(reference.constraint); nothing was changed (keep them with --mode missing, "
                    + "--columns or --where)")
            }
        }
    }

    /// Rows are matched one to one: a NULL or repeated key would pair a row with
    /// none or several.
    private func requireUniqueKey(_ key: [String], in table: String, side: String, on connection: Connection) throws {
        let columns = key.map(\.sqlIdentifier)
        let anyNull = columns.map { "\($0) IS NULL" }.joined(separator: " OR ")
        let found = try connection.execute("SELECT count(*) FILTER (WHERE \(anyNull)), count(*) - count(DISTINCT (\(columns.joined(separator: ", ")))) FROM \(table)")
        let nulls = Int(found[0, 0] ?? "0") ?? 0, repeats = Int(found[0, 1] ?? "0") ?? 0
        let problem = nulls > 0 ? "\(nulls) rows have a NULL in it" : repeats > 0 ? "\(repeats) rows repeat another row's key" : nil
        if let problem {
            throw ApplyError("--key \(key.joined(separator: ",")) does not identify one row in \(side): \(problem); nothing was changed")
        }
    }

    /// Moves a sequence to at least the largest restored value, so the
    /// application's next insert does not collide with a restored row.
    private func moveSequence(_ owned: LiveTable.OwnedSequence, table: String, on connection: Connection) throws {
        let column = owned.column.sqlIdentifier
        try connection.execute("""
            SELECT pg_catalog.setval($1::pg_catalog.regclass, m) FROM (SELECT max(\(column))::bigint AS m FROM \(table)) AS x
            WHERE m IS NOT NULL AND m >= (SELECT last_value FROM \(owned.sequence))
            """, [owned.sequence])
    }

    private func count(_ query: String, on connection: Connection) throws -> Int {
        Int(try connection.execute(query)[0, 0] ?? "0") ?? 0
    }

    private func keys(_ query: String, key: [String], on connection: Connection) throws -> [String] {
        try connection.execute(query).rows.map { Self.keyText(key, $0) }
    }

    /// A row's key as a plan shows it: `id=42`, `a=1, b=x`.
    static func keyText(_ names: [String], _ values: some Sequence<String?>) -> String {
        zip(names, values).map { "\($0)=\($1 ?? "NULL")" }.joined(separator: ", ")
    }
}

public struct ApplyError: Error, CustomStringConvertible, Sendable {
    public let description: String
    public init(_ description: String) { self.description = description }
}
