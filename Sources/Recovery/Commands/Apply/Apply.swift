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
        /// Only the difference is written: missing rows inserted, changed ones updated, extra ones deleted.
        case merge
        /// The rows in scope become exactly the backup's; every matched row is rewritten.
        case replace
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
    /// `--production-where`: rows chosen by their values in production now (the rows
    /// damaged since), the backup's rows taken for those keys whatever their values.
    public var productionWhere: String?
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
        let reader = try ArchiveReader.open(archive)
        let matches = try reader.index.tables(matching: table)
        guard matches.count == 1 else { throw UsageError("\(table) names \(matches.count) tables: apply restores one") }
        let tableName = matches[0]
        let catalog = ArchiveTableCatalog(reader: reader)
        let sections = catalog.dataSections(of: tableName)
        guard let first = sections.first else { throw UsageError("\(tableName) has no data in the archive") }
        let declared = try catalog.columns(of: tableName)
        let backupColumns = (first.columns ?? []).map { (name: $0, typeText: declared[$0]?.typeText ?? "") }
        if let whereClause { _ = try WhereExpression(whereClause) }
        if let productionWhere { _ = try WhereExpression(productionWhere, option: "--production-where") }
        let session = ArchiveTextSession(dump: reader.index.dump)
        var undoKeys: [Section]?
        if let undo = reader.index.dump.undo {
            guard whereClause == nil && productionWhere == nil else {
                throw UsageError("an undo archive covers exactly the rows an apply changed: it takes no --where")
            }
            guard key == nil else {
                throw UsageError("an undo archive matches rows by the key it was written with: it takes no --key")
            }
            undoKeys = catalog.dataSections(of: undo.insertedKeys)
        }

        // An undo archive may be the only way back from an earlier apply: never written over.
        let undoFile = undoPath ?? Self.defaultUndoPath(for: tableName.description)
        if execute && FileManager.default.fileExists(atPath: undoFile) {
            throw UsageError("the undo archive \(undoFile) exists already: give --undo a new path")
        }
        // Found now rather than after the table is locked and the plan made.
        let undoFolder = AtomicFileSink.folder(of: undoFile)
        if execute {
            do { try FileSystem.checkAccess(undoFolder, [.write, .execute]) } catch {
                throw UsageError("cannot write the undo archive into \(undoFolder): \(error); "
                    + "give --undo a path where it can go")
            }
        }

        let connection = try Connection(target)
        // The backup's rows stay in memory rather than spill to temporary files; local
        // buffers are allocated only as the temporary tables fill, and only before
        // the session's first temporary table can the limit be set.
        try connection.execute("SET temp_buffers = '256MB'")
        try connection.execute("BEGIN")
        let report: ApplyReport
        do {
            let transaction = ApplyTransaction(
                options: self, table: tableName, reader: reader, session: session, connection: connection, progress: progress)
            report = try transaction.run(
                sections: sections, backupColumns: backupColumns,
                archiveKey: try reader.index.dump.undo?.key ?? key ?? catalog.primaryKey(of: tableName),
                undoKeys: undoKeys, undoFile: undoFile, started: started)
        } catch {
            _ = try? connection.execute("ROLLBACK")
            // Rolled back: an undo archive written on the way describes no change.
            if execute { try? FileSystem.removeFile(undoFile) }
            if let error = error as? PostgresError {
                if error.sqlState == "55P03" {
                    throw ApplyError("could not lock \(tableName) within --lock-timeout \(lockTimeout): another transaction "
                        + "is writing it; nothing was changed")
                }
                if error.sqlState?.hasPrefix("42") == true, whereClause != nil || productionWhere != nil {
                    let given = [("--where", whereClause), ("--production-where", productionWhere)]
                        .compactMap { option, text in text.map { "\(option) \($0)" } }
                    throw UsageError("\(given.joined(separator: ", ")): \(error)")
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

    /// A row's key as a plan shows it: `id=42`, `a=1, b=x`.
    static func keyText(_ names: [String], _ values: some Sequence<String?>) -> String {
        zip(names, values).map { "\($0)=\($1 ?? "NULL")" }.joined(separator: ", ")
    }
}

public struct ApplyError: Error, CustomStringConvertible, Sendable {
    public let description: String
    public init(_ description: String) { self.description = description }
}
