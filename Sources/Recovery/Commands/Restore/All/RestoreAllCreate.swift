import PostgresAccess
import ScalpelArchive
import Support

extension RestoreAll {
    /// `restore --all --create`, as `pg_restore --create -d postgres`: connects to the
    /// database given only to create the archive's (or `createName`), and returns
    /// the target to restore into. A database of that name is refused, never
    /// dropped or reused: the runbook's drop and recreate stays an explicit step.
    /// The new database takes the dump's encoding, from template0 as pg_dump's own
    /// CREATE DATABASE does; its locale is the server's default.
    func createDatabase(on target: ConnectionTarget, index: ArchiveIndex) throws -> (name: String, target: ConnectionTarget) {
        let dumped = index.dump.database
            ?? index.sections.first { $0.type == "DATABASE" }?.name
        guard let name = createName ?? dumped else {
            throw RestoreError("the archive does not name its database (pack cannot know it): give one with --create-name NAME")
        }
        let connection = try Connection(target)
        let exists = try connection.execute("SELECT count(*) FROM pg_catalog.pg_database WHERE datname = $1", [name])[0, 0]
        guard exists == "0" else {
            throw RestoreError("database \(name) exists already on \(connection.endpoint.host): --create makes a new one; "
                + "drop it first or choose another name with --create-name")
        }
        var statement = "CREATE DATABASE \(name.sqlIdentifier) TEMPLATE template0"
        if let encoding = index.dump.settings["client_encoding"] { statement += " ENCODING \(encoding.sqlLiteral)" }
        try connection.execute(statement)
        return (name, target.setting("dbname", to: name))
    }
}
