import PostgresAccess

/// What the role `apply` connects as must be allowed to do. `--execute` checks it
/// before it locks anything; the dry run reports what is lacking, so a plan does
/// not hide a "permission denied" that `--execute` would meet. The server answers
/// for the current role, with its memberships, column grants and superuser status.
struct ApplyPrivileges {
    /// `LOCK TABLE ... IN SHARE ROW EXCLUSIVE MODE` needs UPDATE, DELETE or
    /// TRUNCATE on the table, or its ownership.
    var lock = true
    var insertColumns: [String] = []
    var updateColumns: [String] = []
    var delete = false
    /// Sequences to move past restored values: reading `last_value` and `setval`.
    var sequences: [String] = []
    /// `--disable-triggers`: `ALTER TABLE ... DISABLE TRIGGER` is the owner's.
    var owner = false

    /// What the current role lacks of these, each as a phrase for the report.
    func lacking(on table: LiveTable, connection: Connection) throws -> [String] {
        var checks: [(sql: String, parameters: [String?], lacking: String)] = []
        if lock {
            checks.append(("""
                SELECT pg_catalog.has_table_privilege($1::oid, 'UPDATE') OR pg_catalog.has_table_privilege($1::oid, 'DELETE')
                    OR pg_catalog.has_table_privilege($1::oid, 'TRUNCATE')
                    OR pg_catalog.pg_has_role((SELECT relowner FROM pg_catalog.pg_class WHERE oid = $1::oid), 'USAGE')
                """, [table.oid], "UPDATE, DELETE or TRUNCATE on the table (to lock it against writers)"))
        }
        for (columns, privilege) in [(insertColumns, "INSERT"), (updateColumns, "UPDATE")] {
            for column in columns {
                checks.append(("SELECT pg_catalog.has_column_privilege($1::oid, $2, '\(privilege)')", [table.oid, column],
                               "\(privilege) on column \(column)"))
            }
        }
        if delete {
            checks.append(("SELECT pg_catalog.has_table_privilege($1::oid, 'DELETE')", [table.oid], "DELETE on the table"))
        }
        for sequence in sequences {
            checks.append(("""
                SELECT pg_catalog.has_sequence_privilege($1, 'SELECT') AND pg_catalog.has_sequence_privilege($1, 'UPDATE')
                """, [sequence], "SELECT and UPDATE on sequence \(sequence) (to move it past the restored values)"))
        }
        if owner {
            checks.append(("""
                SELECT pg_catalog.pg_has_role((SELECT relowner FROM pg_catalog.pg_class WHERE oid = $1::oid), 'USAGE')
                """, [table.oid], "the table's ownership (for --disable-triggers)"))
        }
        return try checks.filter { try connection.execute($0.sql, $0.parameters)[0, 0] != "t" }.map(\.lacking)
    }

    /// Throws, naming all the current role lacks, when it lacks any.
    func require(on table: LiveTable, connection: Connection) throws {
        let lacking = try lacking(on: table, connection: connection)
        guard !lacking.isEmpty else { return }
        throw ApplyError("role \(try Self.currentRole(connection)) may not apply this to \(table.name): it lacks "
            + "\(lacking.joined(separator: "; ")); nothing was changed")
    }

    static func currentRole(_ connection: Connection) throws -> String {
        try connection.execute("SELECT current_user")[0, 0] ?? ""
    }
}
