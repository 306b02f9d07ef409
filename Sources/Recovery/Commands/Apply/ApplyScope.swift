import PostgresAccess
import Support

/// Which rows and columns an apply may touch, settled before any row is read:
/// the key rows are matched on, the columns both sides share (schema drift),
/// the ones it rewrites, and the statements built for them. With `--execute`
/// the table is locked against writers here, before its catalog is trusted.
struct ApplyScope {
    let live: LiveTable
    let drift: SchemaDrift
    /// Columns on both sides.
    let shared: [String]
    let key: [String]
    /// Columns written into matched rows.
    let updated: [String]
    /// Columns of the backup's rows loaded into the temporary table.
    let loaded: [String]
    let sql: ApplyStatements

    init(options: Apply, table: QualifiedName, backupColumns: [(name: String, typeText: String)], archiveKey: [String]?,
         restrictedToUndo: Bool, connection: Connection, progress: Progress?) throws {
        let live = try LiveTable(table, on: connection)
        self.live = live
        try live.requireEveryRowVisible(to: "apply", on: connection)
        if options.execute {
            try ApplyPrivileges(owner: options.disableTriggers).require(on: live, connection: connection)
            progress?.begin("locking \(table) against writers")
            let name = table.sqlIdentifier(defaultSchema: "public")
            // Blocks writers of this table only; readers go on. Taken before any row is read.
            try connection.execute("LOCK TABLE \(name) IN SHARE ROW EXCLUSIVE MODE")
        }
        (drift, shared) = SchemaDrift.between(backup: backupColumns, production: live.columns)
        guard let key = archiveKey ?? live.primaryKey else {
            throw ApplyError("\(table) has no primary key in the archive or in production: name columns that identify "
                + "a row with --key")
        }
        for column in key where !shared.contains(column) {
            throw ApplyError("key column \(column) of \(table) is not on both sides (schema drift): apply refuses")
        }
        self.key = key
        var updated = shared.filter { !key.contains($0) }
        if let columns = options.columns {
            for column in columns where !shared.contains(column) {
                throw UsageError(try drift.refusal(of: column, option: "--columns", table: table, on: connection))
            }
            if let keyColumn = columns.first(where: key.contains) {
                throw UsageError("--columns: \(keyColumn) is part of the key, which matches rows and is never rewritten")
            }
            updated = updated.filter(columns.contains)
        }
        // Identity columns that are GENERATED ALWAYS accept no value in an UPDATE.
        updated.removeAll { name in live[column: name]?.isAlwaysIdentity == true }
        self.updated = updated
        // `--columns` alone reads only the key and those columns of the backup's rows, so
        // that another column retyped since, whose old values may not fit, is no obstacle.
        loaded = options.columns != nil && options.whereClause == nil && !restrictedToUndo ? key + updated : shared
        sql = try ApplyStatements(table: table, live: live, key: key, shared: shared, loaded: loaded, updated: updated,
                                  whereClause: options.whereClause, productionWhere: options.productionWhere,
                                  restrictedToUndo: restrictedToUndo)
    }
}
