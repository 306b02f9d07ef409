import DumpParser
import PostgresAccess
import ScalpelArchive
import Support

/// A table as a live server's catalog has it now: what `diff` and `apply` hold
/// the archive's definition against, since a bad migration may have added,
/// dropped, renamed or retyped columns since the backup.
struct LiveTable {
    struct Column: Equatable {
        var name: String
        /// `format_type` with an empty search path, so user types are schema-qualified
        /// as pg_dump writes them, then put in `ColumnType.canonicalText`'s spelling.
        var typeText: String
        var isGenerated: Bool
        /// `GENERATED ALWAYS AS IDENTITY`: an INSERT must say `OVERRIDING SYSTEM VALUE`.
        var isAlwaysIdentity: Bool
        /// A composite type, an array of one, or a domain over either: its stored
        /// form may hold a field compressed on one side and not on the other, so
        /// equal values can differ byte for byte.
        var holdsComposite = false
        var isNotNull = false
        /// A default, identity or generation gives the column a value when an INSERT names none.
        var fillsItself = false
    }

    let name: QualifiedName
    let oid: String
    /// A partitioned table holds no rows itself: it is read with its partitions,
    /// where any other table is read `ONLY`, as pg_dump dumps it.
    let isPartitioned: Bool
    let columns: [Column]
    let primaryKey: [String]?

    /// Reads the catalog on `connection`, inside whatever transaction it has open.
    init(_ table: QualifiedName, on connection: Connection) throws {
        let found = try connection.execute("""
            SELECT c.oid, c.relkind FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
            WHERE n.nspname = $1 AND c.relname = $2 AND c.relkind IN ('r', 'p')
            """, [table.schema ?? "public", table.name])
        guard found.rowCount == 1, let oid = found[0, 0] else {
            throw UsageError("\(connection.target.redacted) has no table \(table)")
        }
        name = table
        self.oid = oid
        isPartitioned = found[0, 1] == "p"
        let attributes = try connection.withEmptySearchPath { try connection.execute("""
            SELECT a.attname, pg_catalog.format_type(a.atttypid, a.atttypmod), a.attgenerated <> '', a.attidentity = 'a',
                   'c' IN (b.typtype, e.typtype), a.attnotnull, a.atthasdef OR a.attidentity <> '' OR a.attgenerated <> ''
            FROM pg_catalog.pg_attribute a
            JOIN pg_catalog.pg_type t ON t.oid = a.atttypid
            JOIN pg_catalog.pg_type b ON b.oid = CASE WHEN t.typtype = 'd' THEN t.typbasetype ELSE t.oid END
            LEFT JOIN pg_catalog.pg_type e ON e.oid = b.typelem AND b.typcategory = 'A'
            WHERE a.attrelid = $1 AND a.attnum > 0 AND NOT a.attisdropped ORDER BY a.attnum
            """, [oid]) }
        columns = attributes.rows.map { row in
            Column(name: row[0] ?? "", typeText: ColumnType.canonicalText([SQLTokenizer.Token](Array((row[1] ?? "").utf8))),
                   isGenerated: row[2] == "t", isAlwaysIdentity: row[3] == "t", holdsComposite: row[4] == "t",
                   isNotNull: row[5] == "t", fillsItself: row[6] == "t")
        }
        let key = try connection.execute("""
            SELECT a.attname FROM pg_catalog.pg_index i
            CROSS JOIN LATERAL unnest(i.indkey) WITH ORDINALITY AS k(attnum, position)
            JOIN pg_catalog.pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = k.attnum
            WHERE i.indrelid = $1 AND i.indisprimary ORDER BY k.position
            """, [oid])
        primaryKey = key.rowCount == 0 ? nil : key.rows.map { $0[0] ?? "" }
    }

    subscript(column name: String) -> Column? {
        columns.first { $0.name == name }
    }
}

extension Connection {
    /// Runs `body` with an empty search path, so that the server prints every name
    /// (types, functions, tables) schema-qualified, then puts the path back.
    func withEmptySearchPath<T>(_ body: () throws -> T) throws -> T {
        let searchPath = try execute("SELECT pg_catalog.current_setting('search_path')")[0, 0] ?? ""
        try execute("SELECT pg_catalog.set_config('search_path', '', true)")
        defer { _ = try? execute("SELECT pg_catalog.set_config('search_path', $1, true)", [searchPath]) }
        return try body()
    }
}
