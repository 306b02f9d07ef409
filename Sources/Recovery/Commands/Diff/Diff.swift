import DumpParser
import PostgresAccess
import ScalpelArchive

/// `pgscalpel diff`: a table in a backup against the same table in production,
/// row by row. Both sides are read sorted by the key under the same session
/// settings and merged in one pass, so memory holds a row of each whatever the
/// table's size, and an untouched table always comes out equal.
///
/// The backup's rows come straight from the archive when its text is comparable:
/// in one pass when they are in key order already (as a table loaded in key order
/// is dumped), else sorted first in bounded memory (`DiffRowSort`: a table updated
/// since it was loaded). With `--where`, a whole-row comparison, or text written
/// under settings the archive does not record, they come from a sidecar they are
/// restored into, which filters and sorts them as production does.
public struct Diff {
    public enum Format: String, CaseIterable, Sendable {
        case text, json, csv, sql
    }

    public enum BackupSide: Sendable {
        /// The archive when it can, a sidecar otherwise.
        case automatic
        /// Always restore into a sidecar first.
        case autoSidecar
        /// A database where the table was restored already (`restore --into`): only read.
        case sidecar(ConnectionTarget)
    }

    public var archive: String
    public var table: TablePattern
    public var production: ConnectionTarget
    /// `--key`: match rows on these columns instead of the primary key.
    public var key: [String]?
    /// `--columns`: compare only these (the key is always compared).
    public var columns: [String]?
    public var whereClause: String?
    public var format: Format = .text
    /// How many differences are listed after the summary; all are counted.
    public var limit: Int = .max
    public var backupSide: BackupSide = .automatic
    /// Which PostgreSQL programs a sidecar uses.
    public var binaries = BinaryChoice()

    public init(archive: String, table: TablePattern, production: ConnectionTarget) {
        self.archive = archive
        self.table = table
        self.production = production
    }

    /// Writes the report through `output`, summary first, and returns the summary.
    public func run(output: (UnsafeRawBufferPointer) throws -> Void, progress: Progress? = nil) throws -> DiffSummary {
        defer { progress?.finish() }
        let reader = try ArchiveReader.open(archive)
        let plan = try DiffPlan(reader: reader, table: table, requestedKey: key, requestedColumns: columns,
                                connectingTo: production)
        if let whereClause { _ = try WhereExpression(whereClause) }
        let session = ArchiveTextSession(dump: reader.index.dump)
        let useArchive: Bool
        if case .automatic = backupSide {
            useArchive = whereClause == nil && session.archiveTextComparable && !plan.key.isWholeRow
        } else {
            useArchive = false
        }
        if useArchive {
            // Read before production's snapshot is taken, so that it is held only for the
            // merge. Rows in key order need no sort; a table in key order too large for
            // memory is read again, as a stream, rather than from files.
            let sort = DiffRowSort(order: plan.keyOrder(encoding: ClientOnlyEncoding(name: session.clientEncoding)))
            try reader.forEachRow(in: plan.sections, as: plan.columns) { row in
                try sort.add(row)
                if sort.rows & 0xFFFF == 0 { progress?.update("\(plan.table): \(sort.rows) backup rows read") }
            }
            let source: Source = sort.isInKeyOrder && sort.hasSpilled ? .archive : .sorted(sort)
            return try compare(plan, session: session, reader: reader, output: output, progress: progress, backup: source)
        }
        switch backupSide {
        case .sidecar(let target):
            let sidecar = try Connection(target)
            return try compare(plan, session: session, reader: reader, output: output, progress: progress,
                               backup: .server(sidecar, "the sidecar \(target.redacted)"))
        case .automatic, .autoSidecar:
            progress?.begin("restoring \(plan.table) into a sidecar")
            let server = try SidecarServer(binaries: try binaries.sidecarBinaries(sourceVersion: reader.index.dump.serverVersion))
            defer { server.stop() }
            let sidecarTarget = server.target(database: "postgres")
            _ = try Restore(archive: archive, options: Restore.Options(tables: [TablePattern(exactly: plan.table)]))
                .run(into: sidecarTarget, throwaway: true)
            let sidecar = try Connection(sidecarTarget)
            return try compare(plan, session: session, reader: reader, output: output, progress: progress,
                               backup: .server(sidecar, "a sidecar"))
        }
    }

    private enum Source {
        case archive
        /// The archive's rows, read and sorted by the key already.
        case sorted(DiffRowSort)
        case server(Connection, String)
    }

    private func compare(_ plan: DiffPlan, session: ArchiveTextSession, reader: ArchiveReader,
                         output: (UnsafeRawBufferPointer) throws -> Void, progress: Progress?,
                         backup: Source) throws -> DiffSummary {
        let connection = plan.connection
        try session.begin(on: connection)
        do {
            return try compare(plan, session: session, reader: reader, in: connection, output: output,
                               progress: progress, backup: backup)
        } catch {
            // Leaves the connection ready for the next try (the archive was out of key order).
            _ = try? connection.execute("ROLLBACK")
            if let error = error as? PostgresError, let whereClause, error.sqlState?.hasPrefix("42") == true {
                throw UsageError("--where \(whereClause): \(error)")
            }
            // Two backup rows with one key, from the archive or a sidecar: no sort can fix that.
            if let error = error as? DiffMerge.BackupNotInKeyOrder, error.duplicate {
                throw DiffError("the key (\(plan.key.columns.joined(separator: ", "))) is not unique in the backup: name a unique key with --key")
            }
            throw error
        }
    }

    private func compare(_ plan: DiffPlan, session: ArchiveTextSession, reader: ArchiveReader, in connection: Connection,
                         output: (UnsafeRawBufferPointer) throws -> Void, progress: Progress?,
                         backup: Source) throws -> DiffSummary {
        let live = try LiveTable(plan.table, on: connection)
        let spool = try DiffSpool()
        let writer = try plan.writer(format: format, isPartitioned: live.isPartitioned, session: session)
        let encoding = ClientOnlyEncoding(name: session.clientEncoding)
        let tally = DiffTally(columns: plan.columns.count, limit: limit, writer: writer, spool: spool, encoding: encoding)
        let merge = DiffMerge(key: plan.key, order: plan.keyOrder(encoding: encoding), tally: tally)
        let query = try plan.select(on: connection, partitioned: live.isPartitioned, whereClause: whereClause,
                                    clientEncoding: session.clientEncoding)
        var readFrom = "the archive"
        let productionRows = PrefetchedRows(query, on: connection)
        defer { productionRows.close() }
        // The index counts the backup's rows; a WHERE clause compares fewer.
        progress?.begin("comparing", rows: whereClause == nil ? plan.sections.indexedRows : nil)
        progress?.set(rows: 0, active: plan.table.description)
        do {
            switch backup {
            case .archive:
                try reader.forEachRow(in: plan.sections, as: plan.columns) { row in
                    try merge.backup(row, production: productionRows)
                    if tally.backupRows & 0xFFFF == 0 { progress?.set(rows: UInt64(tally.backupRows)) }
                }
            case .sorted(let sort):
                readFrom = sort.isInKeyOrder ? "the archive" : "the archive, sorted by the key"
                try sort.forEachSorted { row in
                    try merge.backup(row, production: productionRows)
                    if tally.backupRows & 0xFFFF == 0 { progress?.update("\(tally.backupRows) rows compared") }
                }
            case .server(let sidecar, let name):
                readFrom = name
                try session.begin(on: sidecar)
                let sidecarTable = try LiveTable(plan.table, on: sidecar)
                let sidecarQuery = try plan.select(on: sidecar, partitioned: sidecarTable.isPartitioned, whereClause: whereClause,
                                                   clientEncoding: session.clientEncoding)
                do {
                    try sidecar.copyOut(sidecarQuery) { row in
                        try merge.backup(row, production: productionRows)
                        if tally.backupRows & 0xFFFF == 0 { progress?.set(rows: UInt64(tally.backupRows)) }
                    }
                } catch let error as DiffMerge.BackupNotInKeyOrder where !error.duplicate {
                    throw DiffError("the sidecar's rows arrived out of key order")
                }
                try sidecar.execute("ROLLBACK")
            }
            try merge.finish(production: productionRows)
        }
        productionRows.close()
        try connection.execute("ROLLBACK")
        try tally.flush()
        let summary = DiffSummary(
            table: plan.table.description, archive: archive, dumpStartedAt: reader.index.dump.startedAt,
            backupDatabase: reader.index.dump.database, production: production.redacted,
            productionDatabase: connection.database, productionConnection: connection.endpoint, key: plan.key.columns, keySource: plan.key.source, columns: plan.columns,
            whereClause: whereClause, backupReadFrom: readFrom, backupRows: tally.backupRows,
            productionRows: tally.productionRows, deleted: tally.deleted, inserted: tally.inserted, changed: tally.changed,
            changedColumns: zip(plan.columns, tally.changedColumns).filter { $0.1 > 0 }
                .map { ChangedColumn(column: $0.0, rows: $0.1) },
            schemaDrift: plan.drift, listed: tally.listed, firingTriggers: plan.firingTriggers)
        progress?.finish()
        try writer.header(summary).withUnsafeBytes(output)
        try spool.replay(output)
        try writer.footer(summary).withUnsafeBytes(output)
        return summary
    }
}

public struct DiffError: Error, CustomStringConvertible, Sendable {
    public let description: String
    public init(_ description: String) { self.description = description }
}
