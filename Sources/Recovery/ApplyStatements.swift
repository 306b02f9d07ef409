import PostgresAccess
import ScalpelArchive

/// The SQL `apply` runs on production, all of it built here from quoted
/// identifiers and the user's `--where` (in parentheses, evaluated on the rows
/// only): nothing from the archive but COPY data ever reaches the server. The
/// backup's rows sit in a temporary table `b`, production's table is `p`;
/// values are compared by their text under the archive's settings, which every
/// type has (json has no `=`).
struct ApplyStatements {
    static let backupTable = "pg_temp.pgscalpel_backup"

    /// The table as DML names it: `ONLY` unless partitioned, as its rows were dumped.
    let target: String
    /// The table as INSERT and LOCK name it (a partitioned table routes the rows).
    let table: String
    let key: [String]
    /// Columns restored into matched rows (not the key).
    let updated: [String]
    /// Every column the backup's rows carry in the temporary table.
    let shared: [String]
    let scope: String
    let overridingSystemValue: Bool

    init(table relation: RelationName, live: LiveTable, key: [String], shared: [String], updated: [String],
         whereClause: String?, on connection: Connection) throws {
        let name = try connection.quoteIdentifier(relation.schema ?? "public") + "." + connection.quoteIdentifier(relation.name)
        table = name
        target = (live.isPartitioned ? "" : "ONLY ") + name
        self.key = try key.map { try connection.quoteIdentifier($0) }
        self.updated = try updated.map { try connection.quoteIdentifier($0) }
        self.shared = try shared.map { try connection.quoteIdentifier($0) }
        scope = whereClause.map { "(\($0)\n)" } ?? "true"
        overridingSystemValue = live.columns.contains { $0.isAlwaysIdentity && shared.contains($0.name) }
    }

    var createBackupTable: String {
        "CREATE TEMPORARY TABLE pgscalpel_backup ON COMMIT DROP AS SELECT \(shared.joined(separator: ", ")) FROM \(target) WITH NO DATA"
    }

    var copyIntoBackupTable: String {
        "COPY \(Self.backupTable) (\(shared.joined(separator: ", "))) FROM STDIN"
    }

    /// Keeps only the backup's rows in `--where`'s scope.
    var narrowBackupTable: String {
        "DELETE FROM \(Self.backupTable) WHERE NOT coalesce(\(scope), false)"
    }

    var keyMatch: String {
        key.map { "p.\($0) = b.\($0)" }.joined(separator: " AND ")
    }

    func differs(_ columns: [String]) -> String {
        columns.isEmpty ? "false" : columns.map { "(p.\($0))::text IS DISTINCT FROM (b.\($0))::text" }.joined(separator: " OR ")
    }

    private var inBackup: String { "EXISTS (SELECT 1 FROM \(Self.backupTable) b WHERE \(keyMatch))" }
    private var inProduction: String { "EXISTS (SELECT 1 FROM \(target) p WHERE \(keyMatch))" }
    /// Production rows in scope that the backup does not have.
    private var extra: String { "\(scope) AND NOT \(inBackup)" }

    // MARK: The plan

    var countMissing: String { "SELECT count(*) FROM \(Self.backupTable) b WHERE NOT \(inProduction)" }
    var countExtra: String { "SELECT count(*) FROM \(target) p WHERE \(extra)" }

    /// Matched rows, those differing in any restored column, then per column.
    var countMatched: String {
        let perColumn = updated.map { "count(*) FILTER (WHERE \(differs([$0])))" }
        return "SELECT " + (["count(*)", "count(*) FILTER (WHERE \(differs(updated)))"] + perColumn).joined(separator: ", ")
            + " FROM \(target) p JOIN \(Self.backupTable) b ON \(keyMatch)"
    }

    func sampleMissing(_ limit: Int) -> String {
        "SELECT \(key.map { "(b.\($0))::text" }.joined(separator: ", ")) FROM \(Self.backupTable) b WHERE NOT \(inProduction) LIMIT \(limit)"
    }

    func sampleExtra(_ limit: Int) -> String {
        "SELECT \(key.map { "(p.\($0))::text" }.joined(separator: ", ")) FROM \(target) p WHERE \(extra) LIMIT \(limit)"
    }

    func sampleChanged(_ limit: Int) -> String {
        "SELECT \(key.map { "(b.\($0))::text" }.joined(separator: ", ")) FROM \(target) p JOIN \(Self.backupTable) b ON \(keyMatch) "
            + "WHERE \(differs(updated)) LIMIT \(limit)"
    }

    /// Rows of `reference`'s table that point at rows the plan would delete.
    func countReferencing(_ reference: LiveTable.ReferencingKey, on connection: Connection) throws -> String {
        let pairs = try zip(reference.columns, reference.referencedColumns).map { column, referenced in
            "p.\(try connection.quoteIdentifier(referenced)) = c.\(try connection.quoteIdentifier(column))"
        }
        return "SELECT count(*) FROM \(reference.table) c WHERE EXISTS (SELECT 1 FROM \(target) p WHERE "
            + "\(pairs.joined(separator: " AND ")) AND \(extra))"
    }

    // MARK: The writes

    var deleteExtra: String { "DELETE FROM \(target) AS p WHERE \(extra)" }

    /// `everyMatched`: rewrite every matched row (`replace`), not only those that differ.
    func updateMatched(everyMatched: Bool) -> String {
        let assignments = updated.map { "\($0) = b.\($0)" }.joined(separator: ", ")
        return "UPDATE \(target) AS p SET \(assignments) FROM \(Self.backupTable) b WHERE \(keyMatch)"
            + (everyMatched ? "" : " AND (\(differs(updated)))")
    }

    var insertMissing: String {
        let columns = shared.joined(separator: ", ")
        return "INSERT INTO \(table) (\(columns))\(overridingSystemValue ? " OVERRIDING SYSTEM VALUE" : "") "
            + "SELECT \(columns) FROM \(Self.backupTable) b WHERE NOT \(inProduction)"
    }

    // MARK: The check before commit

    /// Rows on both sides whose restored columns still differ: all `--columns`
    /// checks, since it leaves rows that are on one side only as they are.
    var countDiffering: String {
        "SELECT count(*) FROM \(target) p JOIN \(Self.backupTable) b ON \(keyMatch) WHERE \(differs(updated))"
    }

    /// Backup rows that production does not now hold with the same restored values.
    var countUnrestored: String {
        "SELECT count(*) FROM \(Self.backupTable) b WHERE NOT EXISTS (SELECT 1 FROM \(target) p WHERE \(keyMatch) "
            + "AND NOT (\(differs(updated))))"
    }
}
