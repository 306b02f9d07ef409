import DumpParser
import PostgresAccess
import ScalpelArchive
import Support

/// What `diff` compares, settled before a row is read: the table on both sides,
/// the schema drift between them, the columns compared and the key rows are
/// matched on.
struct DiffPlan {
    let connection: Connection
    let table: QualifiedName
    /// The archive's `TABLE DATA` sections for the table (one per partition).
    let sections: [Section]
    /// Compared columns, in the backup's order: the key and the shared columns
    /// (or those of `--columns`).
    let columns: [String]
    let key: DiffKey
    /// Where each key column is in `columns`, in key order.
    let keyFields: [Int]
    let drift: SchemaDrift
    let alwaysIdentity: Set<String>
    /// Production's BEFORE row triggers on INSERT or UPDATE, which would change the
    /// rows a patch writes (a patched row stamped `updated_at = now()` differs again).
    let firingTriggers: [String]

    init(reader: ArchiveReader, table pattern: TablePattern, requestedKey: [String]?, requestedColumns: [String]?,
         connectingTo production: ConnectionTarget) throws {
        let matches = try reader.index.tables(matching: pattern)
        guard matches.count == 1 else {
            throw UsageError("\(pattern) names \(matches.count) tables: diff compares one")
        }
        let table = matches[0]
        self.table = table
        let catalog = ArchiveTableCatalog(reader: reader)
        sections = catalog.dataSections(of: table)
        guard let first = sections.first else { throw UsageError("\(table) has no data in the archive") }
        let declared = try catalog.columns(of: table)
        let backupColumns = (first.columns ?? []).map { (name: $0, typeText: declared[$0]?.typeText ?? "") }

        let connection = try Connection(production)
        self.connection = connection
        try ArchiveTextSession(dump: reader.index.dump).begin(on: connection)
        let live = try LiveTable(table, on: connection)
        try live.requireEveryRowVisible(to: "diff", on: connection)
        firingTriggers = try live.beforeRowTriggers(on: connection)
        try connection.execute("ROLLBACK")
        let (drift, shared) = SchemaDrift.between(backup: backupColumns, production: live.columns)
        self.drift = drift
        alwaysIdentity = Set(live.columns.filter(\.isAlwaysIdentity).map(\.name))

        func requireShared(_ names: [String], as what: String) throws {
            for name in names where !shared.contains(name) {
                throw UsageError(try drift.refusal(of: name, option: what, table: table, on: connection))
            }
        }
        let keyColumns: [String]
        let source: DiffKey.Source
        if let requestedKey {
            try requireShared(requestedKey, as: "--key")
            (keyColumns, source) = (requestedKey, .option)
        } else if let archiveKey = try catalog.primaryKey(of: table) {
            for name in archiveKey where !shared.contains(name) {
                throw UsageError("primary key column \(name) is not in production's \(table) (dropped or renamed): name a key with --key")
            }
            (keyColumns, source) = (archiveKey, .archive)
        } else if let liveKey = live.primaryKey, liveKey.allSatisfy(shared.contains) {
            (keyColumns, source) = (liveKey, .production)
        } else {
            (keyColumns, source) = ([], .wholeRow)
        }
        var columns = shared
        if let requestedColumns {
            try requireShared(requestedColumns, as: "--columns")
            columns = shared.filter { requestedColumns.contains($0) || keyColumns.contains($0) }
        }
        self.columns = columns
        guard !columns.isEmpty else { throw UsageError("the backup's and production's \(table) share no column") }
        let types = { (name: String) in
            (backup: backupColumns.first { $0.name == name }?.typeText, production: live[column: name]?.typeText)
        }
        if source == .wholeRow {
            key = DiffKey(columns: columns, source: .wholeRow, types: types)
            keyFields = Array(columns.indices)
        } else {
            key = DiffKey(columns: keyColumns, source: source, types: types)
            keyFields = keyColumns.map { columns.firstIndex(of: $0)! }
        }
    }

    /// `COPY (SELECT ...) TO STDOUT` of the compared columns in key order, for
    /// either side. The expression is the user's, in parentheses; the COPY goes
    /// out as one statement through the extended protocol, which runs no second.
    /// Text arriving in another encoding than the server's is ordered by its bytes
    /// in that encoding, which the merge compares.
    func select(on connection: Connection, partitioned: Bool, whereClause: String?, clientEncoding: String) throws -> String {
        let quoted = columns.map(\.sqlIdentifier)
        let keyQuoted = key.columns.map(\.sqlIdentifier)
        let name = table.sqlIdentifier(defaultSchema: "public")
        let filter = try whereClause.map { " WHERE \(try WhereExpression($0).condition)" } ?? ""
        let reencoded = connection.parameterStatus("server_encoding").map(cleanEncodingName) != cleanEncodingName(clientEncoding)
        return "COPY (SELECT \(quoted.joined(separator: ", ")) FROM \(partitioned ? "" : "ONLY ")\(name)\(filter) "
            + "ORDER BY \(key.orderBy(quoted: keyQuoted, reencoded: reencoded))) TO STDOUT"
    }

    /// The one key comparison of the merge and of the backup's sort.
    func keyOrder(encoding: ClientOnlyEncoding?) -> DiffKeyOrder {
        DiffKeyOrder(key: key, keyFields: keyFields, encoding: encoding)
    }

    /// The report, JSON and CSV are UTF-8 whatever the dump's encoding; the SQL
    /// patch keeps the dump's bytes and sets its client_encoding.
    func writer(format: Diff.Format, isPartitioned: Bool, session: ArchiveTextSession) throws -> any DiffDetailWriter {
        let layout = DiffLayout(table: table, columns: columns, keyFields: keyFields, wholeRow: key.isWholeRow,
                                isPartitioned: isPartitioned, alwaysIdentity: alwaysIdentity)
        let transcoder = format == .sql ? nil : try UTF8Transcoder.converting(from: session.clientEncoding)
        return switch format {
        case .text: DiffTextWriter(layout: layout, transcoder: transcoder)
        case .json: DiffJSONWriter(layout: layout, transcoder: transcoder)
        case .csv: DiffCSVWriter(layout: layout, transcoder: transcoder)
        case .sql: DiffSQLWriter(layout: layout, settings: [("standard_conforming_strings", "on")] + session.settings)
        }
    }
}
