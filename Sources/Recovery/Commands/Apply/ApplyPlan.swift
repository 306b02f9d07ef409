import PostgresAccess

/// What the writes would be, counted in the temporary tables with a few keys of
/// each kind: the plan a dry run shows, and the one `--execute` carries out.
struct ApplyPlan {
    /// Backup rows in scope.
    let backupRows: Int
    /// Rows in the backup, gone from production.
    let inserts: Int
    /// Rows in production (in scope), not in the backup.
    let deletes: Int
    /// Matched rows to rewrite, and of those how many differ in each updated column.
    let updates: Int
    let perColumn: [Int]
    let sample: [String: [String]]

    init(scope: ApplyScope, options: Apply, connection: Connection, progress: Progress?) throws {
        progress?.begin("planning")
        let sql = scope.sql
        let mode = options.mode
        func keys(_ table: String) throws -> [String] {
            try connection.execute(sql.sample(table, limit: options.sampleSize)).rows.map { Apply.keyText(scope.key, $0) }
        }
        backupRows = try connection.count("SELECT count(*) FROM \(ApplyStatements.backupTable)")
        let writesRows = options.columns == nil
        if writesRows && mode != .missing {
            try connection.execute(sql.findDifferences(everyMatched: mode == .replace))
            for kind in [ApplyStatements.Kind.missing, .extra, .changed] { try connection.execute(sql.separate(kind)) }
        } else if writesRows {
            try connection.execute(sql.findMissing)
        } else if mode != .missing {
            try connection.execute(sql.findChanged(everyMatched: mode == .replace))
        }
        var sample: [String: [String]] = [:]
        inserts = writesRows ? try connection.count("SELECT count(*) FROM \(ApplyStatements.missingTable)") : 0
        if inserts > 0 { sample["insert"] = try keys(ApplyStatements.missingTable) }
        deletes = writesRows && mode != .missing ? try connection.count("SELECT count(*) FROM \(ApplyStatements.extraTable)") : 0
        if deletes > 0 { sample["delete"] = try keys(ApplyStatements.extraTable) }
        if mode != .missing {
            let counts = try connection.execute(sql.countChanged)
            updates = Int(counts[0, 0] ?? "0") ?? 0
            perColumn = scope.updated.indices.map { Int(counts[0, $0 + 2] ?? "0") ?? 0 }
            if updates > 0 { sample["update"] = try keys(ApplyStatements.changedTable) }
        } else {
            updates = 0
            perColumn = Array(repeating: 0, count: scope.updated.count)
        }
        self.sample = sample
    }

    /// Whether an UPDATE runs: rows differ and there are columns to write into them.
    func writesUpdates(_ scope: ApplyScope) -> Bool {
        updates > 0 && !scope.updated.isEmpty
    }
}
