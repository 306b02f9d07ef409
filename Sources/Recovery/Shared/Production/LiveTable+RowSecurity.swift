import PostgresAccess

extension LiveTable {
    /// Refuses a table whose row-level security policies apply to the current role:
    /// it would see only some rows, and the others would pass for deleted. The
    /// table's owner (unless FORCE ROW LEVEL SECURITY), superusers and BYPASSRLS
    /// roles see every row.
    func requireEveryRowVisible(to command: String, on connection: Connection) throws {
        guard try connection.execute("SELECT pg_catalog.row_security_active($1::oid)", [oid])[0, 0] == "t" else { return }
        throw UsageError("row-level security hides rows of \(name) from role \(try connection.currentRole()), and \(command) must see every row: "
            + "connect as the table's owner or a role with BYPASSRLS")
    }
}
