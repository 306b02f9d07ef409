import PostgresAccess
import Support

/// `drill --compare-with`: the rows production holds now in each table the archive
/// has data for, to set beside the archive's. Read in one REPEATABLE READ READ ONLY
/// transaction, so every count is of the same moment, and production is never written.
struct DrillProduction {
    let target: ConnectionTarget

    /// Exact `count(*)` of each table's own rows (`ONLY`, as the archive counts them);
    /// nil for a table production no longer has.
    func counts(of tables: [QualifiedName]) throws -> (endpoint: ConnectionEndpoint, rows: [QualifiedName: UInt64?]) {
        let connection = try Connection(target)
        try connection.execute("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY")
        var rows: [QualifiedName: UInt64?] = [:]
        for table in tables {
            guard try connection.execute("SELECT pg_catalog.to_regclass($1)", [table.sqlIdentifier])[0, 0] != nil else {
                rows[table] = .some(nil)
                continue
            }
            rows[table] = try connection.execute("SELECT count(*) FROM ONLY \(table.sqlIdentifier)")[0, 0].flatMap { UInt64($0) }
        }
        try connection.execute("COMMIT")
        return (connection.endpoint, rows)
    }
}
