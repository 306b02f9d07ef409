import ScalpelArchive
import Support

/// The SQL `apply` runs on production, all of it built here from quoted
/// identifiers and the user's `--where` (in parentheses, evaluated on the rows
/// only): nothing from the archive but COPY data ever reaches the server.
///
/// The backup's rows sit in a temporary table (`b`), production's table is `p`.
/// Each kind of change is found once, by one join, and its keys kept in a small
/// temporary table, so the writes and the final check touch only those rows.
struct ApplyStatements {
    static let backupTable = "pg_temp.pgscalpel_backup"
    /// Keys of backup rows that production lacks.
    static let missingTable = "pg_temp.pgscalpel_missing"
    /// Keys of production rows in scope that the backup lacks.
    static let extraTable = "pg_temp.pgscalpel_extra"
    /// From an undo archive: keys of the rows the undone apply inserted.
    static let insertedKeysTable = "pg_temp.pgscalpel_inserted"
    /// Rows on both sides whose restored columns differ: their key, the backup's
    /// values of the restored columns, and one flag per column.
    static let changedTable = "pg_temp.pgscalpel_changed"
    /// All three kinds at once, from one pass over both sides, marked by `pgscalpel_kind`.
    static let differencesTable = "pg_temp.pgscalpel_differences"

    /// The table as DML names it: `ONLY` unless partitioned, as its rows were dumped.
    let target: String
    /// The table as INSERT and LOCK name it (a partitioned table routes the rows).
    let table: String
    let key: [String]
    /// Columns restored into matched rows (not the key).
    let updated: [String]
    /// The columns on both sides: what a re-inserted row is written with.
    let shared: [String]
    /// The columns of the backup's rows loaded into the temporary table.
    let loaded: [String]
    /// Which production rows are in scope, over production's columns (`p`).
    let scope: String
    /// `--where`, over the backup's rows; and `--production-where`, which only
    /// production's rows are held against.
    private let backupCondition: String?
    private let productionCondition: String?
    let overridingSystemValue: Bool
    /// Every column of production's table, in its order.
    let productionColumns: [String]
    /// Production's columns that the backup lacks and that fill nothing themselves:
    /// a re-inserted row gets NULL there.
    let nullFilled: [String]
    /// For each restored column, the test that its two values differ.
    private let differences: [String]
    /// The test that any restored column differs.
    private let anyDifference: String

    init(table tableName: QualifiedName, live: LiveTable, key: [String], shared: [String], loaded: [String], updated: [String],
         whereClause: String?, productionWhere: String?, restrictedToUndo: Bool) throws {
        let name = tableName.sqlIdentifier(defaultSchema: "public")
        table = name
        target = (live.isPartitioned ? "" : "ONLY ") + name
        self.key = key.map(\.sqlIdentifier)
        self.updated = updated.map(\.sqlIdentifier)
        self.shared = shared.map(\.sqlIdentifier)
        self.loaded = loaded.map(\.sqlIdentifier)
        let keyColumns = key.map(\.sqlIdentifier)
        if restrictedToUndo {
            // An undo archive's rows and inserted keys are all it may touch.
            let saved = keyColumns.map { "s.\($0) = p.\($0)" }.joined(separator: " AND ")
            scope = "(EXISTS (SELECT 1 FROM \(Self.backupTable) s WHERE \(saved)) OR EXISTS (SELECT 1 FROM \(Self.insertedKeysTable) s WHERE \(saved)))"
            backupCondition = nil
            productionCondition = nil
        } else {
            backupCondition = try whereClause.map { try WhereExpression($0).condition }
            productionCondition = try productionWhere.map { try WhereExpression($0, option: "--production-where").condition }
            let conditions = [backupCondition, productionCondition].compactMap { $0 }
            scope = conditions.isEmpty ? "true" : conditions.joined(separator: " AND ")
        }
        productionColumns = live.columns.map(\.name.sqlIdentifier)
        nullFilled = live.columns.filter { !shared.contains($0.name) && !$0.fillsItself }.map(\.name.sqlIdentifier)
        overridingSystemValue = live.columns.contains { $0.isAlwaysIdentity && shared.contains($0.name) }
        let compared = updated.map { (name: $0.sqlIdentifier, holdsComposite: live[column: $0]?.holdsComposite ?? true) }
        differences = compared.map { Self.difference([$0]) }
        anyDifference = Self.difference(compared)
    }

    /// The test that any of `columns` differs, as their text under the archive's
    /// settings would (what `diff` compares): the stored bytes of the values,
    /// compared by `record_image_eq` (detoasted, so not fooled by compression),
    /// which is what each value's text is made from (`-0` and `0`, `1.0` and `1.00`
    /// differ), and costs far less than making the text (jsonb's, above all).
    /// Composite values are compared by text, since their fields keep their own
    /// compression. One comparison per row however many columns.
    private static func difference(_ columns: [(name: String, holdsComposite: Bool)]) -> String {
        guard !columns.isEmpty else { return "false" }
        func values(_ alias: String) -> String {
            columns.map { $0.holdsComposite ? "(\(alias).\($0.name))::text" : "\(alias).\($0.name)" }.joined(separator: ", ")
        }
        return "NOT pg_catalog.record_image_eq(ROW(\(values("p"))), ROW(\(values("b"))))"
    }

    var createBackupTable: String {
        "CREATE TEMPORARY TABLE pgscalpel_backup ON COMMIT DROP AS SELECT \(loaded.joined(separator: ", ")) FROM \(target) WITH NO DATA"
    }

    var copyIntoBackupTable: String {
        "COPY \(Self.backupTable) (\(loaded.joined(separator: ", "))) FROM STDIN"
    }

    var createInsertedKeysTable: String {
        "CREATE TEMPORARY TABLE pgscalpel_inserted ON COMMIT DROP AS SELECT \(key.joined(separator: ", ")) FROM \(target) WITH NO DATA"
    }

    var copyIntoInsertedKeysTable: String {
        "COPY \(Self.insertedKeysTable) (\(key.joined(separator: ", "))) FROM STDIN"
    }

    /// Keeps only the backup's rows in scope: those `--where` holds for, and with
    /// `--production-where`, those whose production row it holds for. Production's
    /// rows are chosen in a CTE, which cannot see the backup's columns: a name
    /// production lacks is an error, not silently the backup's column.
    var narrowBackupTable: String? {
        var outside: [String] = []
        if let backupCondition { outside.append("NOT coalesce(\(backupCondition), false)") }
        guard let productionCondition else {
            return outside.isEmpty ? nil : "DELETE FROM \(Self.backupTable) AS b WHERE \(outside[0])"
        }
        outside.append("NOT EXISTS (SELECT 1 FROM chosen s WHERE \(match("s", "b")))")
        return "WITH chosen AS (SELECT \(keys("p")) FROM \(target) p WHERE coalesce(\(productionCondition), false)) "
            + "DELETE FROM \(Self.backupTable) AS b WHERE \(outside.joined(separator: " OR "))"
    }

    var keyMatch: String { match("p", "b") }

    func match(_ left: String, _ right: String) -> String {
        key.map { "\(left).\($0) = \(right).\($0)" }.joined(separator: " AND ")
    }

    func keys(_ alias: String) -> String {
        key.map { "\(alias).\($0)" }.joined(separator: ", ")
    }

    // MARK: The plan

    var findMissing: String {
        "CREATE TEMPORARY TABLE pgscalpel_missing ON COMMIT DROP AS SELECT \(keys("b")) FROM \(Self.backupTable) b "
            + "WHERE NOT EXISTS (SELECT 1 FROM \(target) p WHERE \(keyMatch))"
    }

    /// `everyMatched` (`replace`) keeps every matched row, not only those that differ.
    func findChanged(everyMatched: Bool) -> String {
        let flags = differences.enumerated().map { "\($1) AS pgscalpel_changed_\($0)" }
        let values = updated.map { "b.\($0)" }
        return "CREATE TEMPORARY TABLE pgscalpel_changed ON COMMIT DROP AS SELECT "
            + ([keys("b")] + values + flags).joined(separator: ", ")
            + " FROM \(target) p JOIN \(Self.backupTable) b ON \(keyMatch)" + (everyMatched ? "" : " WHERE \(anyDifference)")
    }

    /// Missing, extra and changed rows in one join of both sides, when all three are
    /// wanted: one pass over the table instead of three. `--where` is evaluated
    /// on production's side alone, where its column names mean production's.
    func findDifferences(everyMatched: Bool) -> String {
        let flags = differences.enumerated().map { "\($1) AS pgscalpel_changed_\($0)" }
        let production = (["true AS pgscalpel_found", "coalesce(\(scope), false) AS pgscalpel_in_scope"]
            + (key + updated).map { "p.\($0)" }).joined(separator: ", ")
        let keyValues = key.map { "coalesce(b.\($0), p.\($0)) AS \($0)" }
        let kind = "CASE WHEN p.pgscalpel_found IS NULL THEN 'missing' WHEN b.ctid IS NULL THEN 'extra' ELSE 'changed' END"
        return "CREATE TEMPORARY TABLE pgscalpel_differences ON COMMIT DROP AS SELECT "
            + (["\(kind) AS pgscalpel_kind"] + keyValues + updated.map { "b.\($0)" } + flags).joined(separator: ", ")
            + " FROM (SELECT \(production) FROM \(target) p) p FULL JOIN \(Self.backupTable) b ON \(keyMatch)"
            + " WHERE p.pgscalpel_found IS NULL OR (b.ctid IS NULL AND p.pgscalpel_in_scope)"
            + " OR (b.ctid IS NOT NULL AND p.pgscalpel_found AND \(everyMatched ? "true" : anyDifference))"
    }

    enum Kind: String { case missing, extra, changed }

    /// One kind's rows out of `findDifferences`' table, into the table the writes
    /// read (`missingTable`, `extraTable`, `changedTable`).
    func separate(_ kind: Kind) -> String {
        let columns = kind == .changed ? key + updated + differences.indices.map { "pgscalpel_changed_\($0)" } : key
        return "CREATE TEMPORARY TABLE pgscalpel_\(kind.rawValue) ON COMMIT DROP AS SELECT \(columns.joined(separator: ", ")) "
            + "FROM \(Self.differencesTable) WHERE pgscalpel_kind = '\(kind.rawValue)'"
    }

    /// Rows, those that differ, then rows per restored column.
    var countChanged: String {
        let any = differences.indices.map { "pgscalpel_changed_\($0)" }.joined(separator: " OR ")
        let perColumn = differences.indices.map { "count(*) FILTER (WHERE pgscalpel_changed_\($0))" }
        return "SELECT " + (["count(*)", "count(*) FILTER (WHERE \(any.isEmpty ? "false" : any))"] + perColumn).joined(separator: ", ")
            + " FROM \(Self.changedTable)"
    }

    /// Keys from one of the key tables, as text; all of them without a limit.
    func sample(_ table: String, limit: Int?) -> String {
        // A sample is the first keys, so the plan reads id=1; id=2; ... and not in storage order.
        "SELECT \(key.map { "(k.\($0))::text" }.joined(separator: ", ")) FROM \(table) k"
            + (limit.map { " ORDER BY \(key.map { "k.\($0)" }.joined(separator: ", ")) LIMIT \($0)" } ?? "")
    }

    /// Production's rows that the writes will update or delete, as they are now: the undo archive's rows.
    func rowsAboutToChange(columns: String, updating: Bool, deleting: Bool) -> String {
        var found: [String] = []
        if updating { found.append("EXISTS (SELECT 1 FROM \(Self.changedTable) c WHERE \(match("p", "c")))") }
        if deleting { found.append("EXISTS (SELECT 1 FROM \(Self.extraTable) x WHERE \(match("p", "x")))") }
        return "SELECT \(columns) FROM \(target) p WHERE \(found.isEmpty ? "false" : found.joined(separator: " OR "))"
    }

    /// Rows of `reference`'s table that point at rows the plan would delete.
    func countReferencing(_ reference: LiveTable.ReferencingKey) -> String {
        let pairs = zip(reference.columns, reference.referencedColumns).map { column, referenced in
            "p.\(referenced.sqlIdentifier) = c.\(column.sqlIdentifier)"
        }
        let deletedToo = reference.isSelf ? " AND NOT EXISTS (SELECT 1 FROM \(Self.extraTable) d WHERE \(match("c", "d")))" : ""
        return "SELECT count(*) FROM \(reference.table) c WHERE EXISTS (SELECT 1 FROM \(target) p JOIN \(Self.extraTable) x "
            + "ON \(match("p", "x")) WHERE \(pairs.joined(separator: " AND ")))" + deletedToo
    }

    // MARK: The writes

    var deleteExtra: String {
        "DELETE FROM \(target) AS p USING \(Self.extraTable) x WHERE \(match("p", "x"))"
    }

    var updateChanged: String {
        let assignments = updated.map { "\($0) = c.\($0)" }.joined(separator: ", ")
        return "UPDATE \(target) AS p SET \(assignments) FROM \(Self.changedTable) c WHERE \(match("p", "c"))"
    }

    var insertMissing: String {
        let columns = shared.map { "b.\($0)" }.joined(separator: ", ")
        return "INSERT INTO \(table) (\(shared.joined(separator: ", ")))\(overridingSystemValue ? " OVERRIDING SYSTEM VALUE" : "") "
            + "SELECT \(columns) FROM \(Self.backupTable) b JOIN \(Self.missingTable) m ON \(match("b", "m"))"
    }

    // MARK: The rows as the writes leave them

    /// Re-inserted rows as the INSERT writes them: the backup's values, and NULL of
    /// the column's type where production added a column that fills nothing itself.
    /// A column with a default is left out: its value is the server's to make.
    var insertedRows: String {
        let nulls = nullFilled.map { ", (SELECT q.\($0) FROM \(target) q LIMIT 0) AS \($0)" }.joined()
        return "SELECT b.*\(nulls) FROM \(Self.backupTable) b JOIN \(Self.missingTable) m ON \(match("b", "m"))"
    }

    /// Updated rows as the UPDATE leaves them: production's values, the backup's in
    /// the restored columns. With `moving`, only rows where one of those columns
    /// (quoted) takes a new value.
    func updatedRows(moving: [String]? = nil) -> String {
        func value(_ column: String) -> String { updated.contains(column) ? "c.\(column)" : "p.\(column)" }
        let values = productionColumns.map { updated.contains($0) ? "c.\($0) AS \($0)" : "p.\($0)" }
        var rows = "SELECT \(values.joined(separator: ", ")) FROM \(target) p JOIN \(Self.changedTable) c ON \(match("p", "c"))"
        if let moving {
            rows += " WHERE ROW(\(moving.map(value).joined(separator: ", "))) IS DISTINCT FROM ROW(\(moving.map { "p.\($0)" }.joined(separator: ", ")))"
        }
        return rows
    }

    /// The key and the restored `columns` (quoted) of the updated rows where one of
    /// them changes, read from the changed table alone (its flags say which); nil
    /// when a column is not restored, so its value is production's.
    func movedValues(of columns: [String]) -> String? {
        let positions = columns.compactMap { updated.firstIndex(of: $0) }
        guard positions.count == columns.count else { return nil }
        let values = columns.filter { !key.contains($0) }.map { "c.\($0)" }
        return "SELECT \(([keys("c")] + values).joined(separator: ", ")) FROM \(Self.changedTable) c WHERE "
            + positions.map { "c.pgscalpel_changed_\($0)" }.joined(separator: " OR ")
    }

    // MARK: The check before commit

    /// Backup rows among those written that production does not now hold with the
    /// backup's values: any is a reason not to commit.
    /// Updated rows are checked against the changed table, which holds the backup's
    /// values of the restored columns, so only they are read, by production's key.
    func countUnrestored(inserted: Bool, updated: Bool) -> String {
        let unrestored = "NOT EXISTS (SELECT 1 FROM \(target) p WHERE \(keyMatch) AND NOT (\(anyDifference)))"
        var counts: [String] = []
        if inserted {
            counts.append("(SELECT count(*) FROM \(Self.backupTable) b JOIN \(Self.missingTable) k ON \(match("b", "k")) "
                + "WHERE \(unrestored))")
        }
        if updated { counts.append("(SELECT count(*) FROM \(Self.changedTable) b WHERE \(unrestored))") }
        return "SELECT " + (counts.isEmpty ? "0" : counts.joined(separator: " + "))
    }

    /// Deleted rows still there.
    var countRemaining: String {
        "SELECT count(*) FROM \(target) p JOIN \(Self.extraTable) x ON \(match("p", "x"))"
    }
}
