import PostgresAccess

/// What the role `apply` connects as must be allowed to do. `--execute` checks it
/// before it locks anything; the dry run reports what is lacking, so a plan does
/// not hide a "permission denied" that `--execute` would meet. The server answers
/// for the current role, with its memberships, column grants and superuser status.
struct ApplyPrivileges {
    var insertColumns: [String] = []
    var updateColumns: [String] = []
    var delete = false
    /// Sequences to move past restored values: reading `last_value` and `setval`.
    var sequences: [String] = []
    /// `--disable-triggers`: `ALTER TABLE ... DISABLE TRIGGER` is the owner's.
    var owner = false

    /// What the current role lacks of these, each as a phrase for the report; asked
    /// in one query, as production may be a long round trip away.
    func lacking(on table: LiveTable, connection: Connection) throws -> [String] {
        let oid = "\(table.oid.sqlLiteral)::oid"
        let owns = "pg_catalog.pg_has_role((SELECT relowner FROM pg_catalog.pg_class WHERE oid = \(oid)), 'USAGE')"
        // Every apply locks the table: `LOCK TABLE ... IN SHARE ROW EXCLUSIVE MODE` needs
        // UPDATE, DELETE or TRUNCATE on the whole table (column grants do not), or ownership.
        var checks: [(test: String, lacking: String)] = [(
            "pg_catalog.has_table_privilege(\(oid), 'UPDATE') OR pg_catalog.has_table_privilege(\(oid), 'DELETE') "
                + "OR pg_catalog.has_table_privilege(\(oid), 'TRUNCATE') OR \(owns)",
            "UPDATE, DELETE or TRUNCATE on the table (to lock it against writers)")]
        for (columns, privilege) in [(insertColumns, "INSERT"), (updateColumns, "UPDATE")] {
            for column in columns {
                checks.append(("pg_catalog.has_column_privilege(\(oid), \(column.sqlLiteral), '\(privilege)')",
                               "\(privilege) on column \(column)"))
            }
        }
        if delete {
            checks.append(("pg_catalog.has_table_privilege(\(oid), 'DELETE')", "DELETE on the table"))
        }
        for sequence in sequences {
            let name = sequence.sqlLiteral
            checks.append(("pg_catalog.has_sequence_privilege(\(name), 'SELECT') AND pg_catalog.has_sequence_privilege(\(name), 'UPDATE')",
                           "SELECT and UPDATE on sequence \(sequence) (to move it past the restored values)"))
        }
        if owner {
            checks.append((owns, "the table's ownership (for --disable-triggers)"))
        }
        let answers = try connection.execute("SELECT " + checks.map { "(\($0.test))" }.joined(separator: ", "))
        return checks.indices.filter { answers[0, $0] != "t" }.map { checks[$0].lacking }
    }

    /// Throws, naming all the current role lacks, when it lacks any.
    func require(on table: LiveTable, connection: Connection) throws {
        let lacking = try lacking(on: table, connection: connection)
        guard !lacking.isEmpty else { return }
        throw ApplyError("role \(try connection.currentRole()) may not apply this to \(table.name): it lacks "
            + "\(lacking.joined(separator: "; ")); nothing was changed")
    }
}
