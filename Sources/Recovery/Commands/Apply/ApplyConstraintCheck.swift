import PostgresAccess

/// Production's constraints held against the rows `apply` would write, before any
/// is written. The migration that damaged a table often changed its constraints
/// too: a NOT NULL column added with no default, a unique value a newer row has
/// taken, a CHECK, parent rows deleted along with these, a partition dropped by a
/// retention job. Without this check the dry run would pass and `--execute` stop
/// at the server's first refusal, naming one row; with it the plan names every
/// constraint, how many rows it refuses and a few of their keys.
///
/// Rows are taken as the writes leave them (`ApplyStatements.insertedRows` and
/// `updatedRows`), after the deletes, which run first. Not foreseen: what the order
/// of rows within one statement decides (two rows trading a unique value), and what
/// a BEFORE trigger changes on the way in. The server still checks everything.
struct ApplyConstraintCheck {
    struct Result {
        var violations: [ConstraintViolation] = []
        /// Constraints that apply to the writes but could not be judged, and why.
        var unchecked: [String] = []
        var beforeTriggers: [String] = []
    }

    let sql: ApplyStatements
    let live: LiveTable
    /// The key's column names, unquoted, for the sample keys.
    let keyNames: [String]
    let inserts: Bool
    let updates: Bool
    let deletes: Bool
    let sampleSize: Int

    func run(on connection: Connection) throws -> Result {
        var result = Result()
        guard inserts || updates else { return result }
        let constraints = try live.constraints(on: connection)
        result.beforeTriggers = constraints.beforeTriggers
        try checkNotNull(on: connection, into: &result)
        for index in constraints.uniqueIndexes { try check(index, on: connection, into: &result) }
        for check in constraints.checks { try self.check(check, on: connection, into: &result) }
        for foreignKey in constraints.foreignKeys { try check(foreignKey, on: connection, into: &result) }
        if let partitions = constraints.partitions { try checkPartitions(partitions, on: connection, into: &result) }
        result.unchecked += constraints.unforeseen.map { "\($0) (not foreseen)" }
        return result
    }

    /// The columns a re-inserted row has a known value in.
    private var insertable: Set<String> { Set(sql.shared + sql.nullFilled) }

    /// Whether rows are re-inserted with a known value in each of `columns` (quoted),
    /// so that `label` can be judged on them; when a default would fill one, it is
    /// named as not checked.
    private func insertedRowsHold(_ columns: [String], for label: String, into result: inout Result) -> Bool {
        guard inserts else { return false }
        if Set(columns).isSubset(of: insertable) { return true }
        result.unchecked.append("\(label) (over a column production fills with its default)")
        return false
    }

    private func check(_ index: LiveTable.UniqueIndex, on connection: Connection, into result: inout Result) throws {
        let columns = index.columns.map(\.sqlIdentifier)
        // Re-inserted keys are new and updated rows keep theirs: an index over the key holds.
        if Set(sql.key).isSubset(of: columns) { return }
        let keyAndColumns = sql.key + columns.filter { !sql.key.contains($0) }
        let projection = keyAndColumns.map { "r.\($0)" }.joined(separator: ", ")
        let predicate = index.predicate.map { " WHERE (\($0))" } ?? ""
        var written: [String] = []
        if insertedRowsHold(columns, for: "UNIQUE \(index.name)", into: &result) {
            written.append("SELECT \(projection) FROM (\(sql.insertedRows)) r\(predicate)")
        }
        if updates && !Set(sql.updated).isDisjoint(with: columns) {
            // The restored values alone, when they are all the index needs: no pass over the table.
            let moved = index.predicate == nil ? sql.movedValues(of: columns) : nil
            written.append("SELECT \(projection) FROM (\(moved ?? sql.updatedRows(moving: columns))) r\(predicate)")
        }
        guard !written.isEmpty else { return }
        let equal = columns.map { index.nullsNotDistinct ? "p.\($0) IS NOT DISTINCT FROM w.\($0)" : "p.\($0) = w.\($0)" }
        let complete = index.nullsNotDistinct ? "true" : columns.map { "\($0) IS NOT NULL" }.joined(separator: " AND ")
        var stays = "u.\(sql.key[0]) IS NULL"
        var others = "SELECT \(sql.keys("w")) FROM w JOIN (SELECT \(keyAndColumns.joined(separator: ", ")) FROM \(sql.target)\(predicate)) p "
            + "ON \(equal.joined(separator: " AND ")) LEFT JOIN w u ON \(sql.match("p", "u"))"
        if deletes {
            others += " LEFT JOIN \(ApplyStatements.extraTable) x ON \(sql.match("p", "x"))"
            stays += " AND x.\(sql.key[0]) IS NULL"
        }
        // Two written rows with one value, or a written row with the value of a row
        // that stays (neither deleted nor moved to another value).
        let violating = "WITH w AS (\(written.joined(separator: " UNION ALL "))) "
            + "SELECT \(sql.key.joined(separator: ", ")) FROM (SELECT *, count(*) OVER (PARTITION BY \(columns.joined(separator: ", "))) "
            + "AS pgscalpel_n FROM w WHERE \(complete)) d WHERE pgscalpel_n > 1 UNION \(others) WHERE \(stays)"
        try judge("UNIQUE \(index.name)", violating, on: connection, into: &result) {
            ConstraintViolation(kind: "UNIQUE", name: index.name, columns: index.columns, rows: $0, sample: $1,
                                reason: "another row holds the value now")
        }
    }

    private func check(_ check: LiveTable.CheckConstraint, on connection: Connection, into result: inout Result) throws {
        let key = sql.keys("r")
        var sources: [String] = []
        if insertedRowsHold(check.columns.map(\.sqlIdentifier), for: "CHECK \(check.name)", into: &result) {
            sources.append("SELECT \(key) FROM (\(sql.insertedRows)) r WHERE (\(check.expression)) IS FALSE")
        }
        // An UPDATE checks every CHECK of the row, whichever columns it sets.
        if updates { sources.append("SELECT \(key) FROM (\(sql.updatedRows())) r WHERE (\(check.expression)) IS FALSE") }
        guard !sources.isEmpty else { return }
        try judge("CHECK \(check.name)", sources.joined(separator: " UNION ALL "), on: connection, into: &result) {
            ConstraintViolation(kind: "CHECK", name: check.name, columns: check.columns, rows: $0, sample: $1,
                                reason: "the backup's values fail it")
        }
    }

    private func check(_ foreignKey: LiveTable.ForeignKey, on connection: Connection, into result: inout Result) throws {
        let key = sql.keys("r")
        let columns = foreignKey.columns.map(\.sqlIdentifier)
        let referenced = foreignKey.referencedColumns.map(\.sqlIdentifier)
        let pairs = zip(columns, referenced).map { "q.\($1) = r.\($0)" }.joined(separator: " AND ")
        var parent = "EXISTS (SELECT 1 FROM \(foreignKey.parentIsPartitioned ? "" : "ONLY ")\(foreignKey.parent) q WHERE \(pairs)"
        if foreignKey.isSelf && deletes {
            parent += " AND NOT EXISTS (SELECT 1 FROM \(ApplyStatements.extraTable) x WHERE \(sql.match("q", "x")))"
        }
        parent += ")"
        if foreignKey.isSelf && inserts { parent += " OR EXISTS (SELECT 1 FROM (\(sql.insertedRows)) q WHERE \(pairs))" }
        var refused = "(\(columns.map { "r.\($0) IS NOT NULL" }.joined(separator: " AND ")) AND NOT (\(parent)))"
        if foreignKey.matchFull {
            let list = columns.map { "r.\($0)" }.joined(separator: ", ")
            refused += " OR (pg_catalog.num_nulls(\(list)) > 0 AND pg_catalog.num_nonnulls(\(list)) > 0)"
        }
        var sources: [String] = []
        if insertedRowsHold(columns, for: "FOREIGN KEY \(foreignKey.name)", into: &result) {
            sources.append("SELECT \(key) FROM (\(sql.insertedRows)) r WHERE \(refused)")
        }
        // The server checks an updated row's reference only when it changes (a NOT VALID key's old rows pass).
        if updates && !Set(sql.updated).isDisjoint(with: columns) {
            sources.append("SELECT \(key) FROM (\(sql.updatedRows(moving: columns))) r WHERE \(refused)")
        }
        guard !sources.isEmpty else { return }
        let missingParent = foreignKey.isSelf ? "the row it references is in neither production nor the rows restored"
            : "no such row in \(foreignKey.parent) (restore those rows first)"
        try judge("FOREIGN KEY \(foreignKey.name)", sources.joined(separator: " UNION ALL "), on: connection, into: &result) {
            ConstraintViolation(kind: "FOREIGN KEY", name: foreignKey.name, columns: foreignKey.columns, rows: $0,
                                sample: $1, reason: missingParent)
        }
    }

    /// A row goes to the leaf partition whose constraint is true for it; with none,
    /// the INSERT (or the UPDATE moving it) fails. A leaf that takes any row ends the question.
    private func checkPartitions(_ partitions: [String?], on connection: Connection, into result: inout Result) throws {
        guard !partitions.contains(nil) else { return }
        let fits = partitions.compactMap { $0 }.map { "coalesce((\($0)), false)" }.joined(separator: " OR ")
        let refused = "NOT (\(fits.isEmpty ? "false" : fits))"
        var sources: [String] = []
        if inserts { sources.append("SELECT \(sql.keys("r")) FROM (\(sql.insertedRows)) r WHERE \(refused)") }
        if updates { sources.append("SELECT \(sql.keys("r")) FROM (\(sql.updatedRows())) r WHERE \(refused)") }
        try judge("PARTITION \(live.name)", sources.joined(separator: " UNION ALL "), on: connection, into: &result) {
            ConstraintViolation(kind: "PARTITION", name: live.name.description, columns: [], rows: $0, sample: $1,
                                reason: "no partition takes them (create it first)")
        }
    }

    /// NOT NULL columns: one pass over each kind of written row counts the NULLs of
    /// all of them; keys are read only for the columns that have some.
    private func checkNotNull(on connection: Connection, into result: inout Result) throws {
        let notNull = live.columns.filter(\.isNotNull).map { (name: $0.name, quoted: $0.name.sqlIdentifier) }
        var sources: [(rows: String, columns: [(name: String, quoted: String)])] = []
        if inserts { sources.append((sql.insertedRows, notNull.filter { insertable.contains($0.quoted) })) }
        if updates { sources.append(("SELECT * FROM \(ApplyStatements.changedTable)", notNull.filter { sql.updated.contains($0.quoted) })) }
        var found: [String: [String]] = [:]
        for source in sources where !source.columns.isEmpty {
            let counts = try connection.execute("SELECT " + source.columns.map { "count(*) FILTER (WHERE r.\($0.quoted) IS NULL)" }
                .joined(separator: ", ") + " FROM (\(source.rows)) r")
            for (index, column) in source.columns.enumerated() where counts[0, index] != "0" {
                found[column.name, default: []].append("SELECT \(sql.keys("r")) FROM (\(source.rows)) r WHERE r.\(column.quoted) IS NULL")
            }
        }
        for column in notNull {
            guard let violating = found[column.name] else { continue }
            let added = sql.nullFilled.contains(column.quoted)
            try judge("NOT NULL \(column.name)", violating.joined(separator: " UNION ALL "), on: connection, into: &result) {
                ConstraintViolation(kind: "NOT NULL", name: column.name, columns: [], rows: $0, sample: $1,
                                    reason: added ? "a column added since the backup, with no default" : "NULL in the backup")
            }
        }
    }

    /// Counts the rows `violating` finds (it selects key columns), with a sample of
    /// their keys. An expression the server cannot evaluate on these rows (a partial
    /// index's predicate over a column the backup lacks, a parent table the role may
    /// not read) rolls back to a savepoint and is named as not checked: the plan
    /// goes on, and the server will still check it at `--execute`.
    private func judge(_ label: String, _ violating: String, on connection: Connection, into result: inout Result,
                       violation: (Int, [String]) -> ConstraintViolation) throws {
        let keys = sql.key.map { "(v.\($0))::text" }.joined(separator: ", ")
        let order = sql.key.map { "v.\($0)" }.joined(separator: ", ")
        try connection.execute("SAVEPOINT pgscalpel_check")
        let found: QueryResult
        do {
            found = try connection.execute("SELECT count(*) OVER (), \(keys) FROM (\(violating)) v ORDER BY \(order) LIMIT \(max(sampleSize, 1))")
        } catch let error as PostgresError where error.code == .server && error.sqlState != "57014" {
            try connection.execute("ROLLBACK TO SAVEPOINT pgscalpel_check")
            try connection.execute("RELEASE SAVEPOINT pgscalpel_check")
            result.unchecked.append("\(label) (\(error.message))")
            return
        }
        try connection.execute("RELEASE SAVEPOINT pgscalpel_check")
        guard found.rowCount > 0, let rows = Int(found[0, 0] ?? "") else { return }
        let sample = found.rows.prefix(sampleSize).map { Apply.keyText(keyNames, $0.dropFirst()) }
        result.violations.append(violation(rows, sample))
    }
}

/// A constraint of production that rows `apply` would write break.
public struct ConstraintViolation: Codable, Sendable, Equatable {
    /// `NOT NULL`, `UNIQUE`, `CHECK`, `FOREIGN KEY` or `PARTITION`.
    public var kind: String
    /// The constraint's or unique index's name; for NOT NULL, the column's; for PARTITION, the table's.
    public var name: String
    public var columns: [String]
    public var rows: Int
    public var sample: [String]
    /// Why the rows break it, in a few words.
    public var reason: String

    var text: String {
        let over = columns.isEmpty ? "" : " (\(columns.joined(separator: ", ")))"
        let examples = sample.isEmpty ? "" : " (e.g. \(sample.joined(separator: "; ")))"
        return "\(kind) \(name)\(over): \(rows) rows\(examples): \(reason)"
    }
}
