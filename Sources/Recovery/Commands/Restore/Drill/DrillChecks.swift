import PostgresAccess
import ScalpelArchive
import Support

/// The drill's checks of a restored database against the archive's index:
/// row counts of every table with data, and every index and constraint by
/// schema and name. Separate from the restore so that they can run on any
/// database restored from the archive.
struct DrillChecks {
    let connection: Connection
    let index: ArchiveIndex

    struct Result {
        var counts: [DrillReport.Count]
        var objects: [DrillReport.Object]
    }

    func run() throws -> Result {
        Result(counts: try counts(), objects: try objects())
    }

    /// Each table's rows (its own, `ONLY`, as its TABLE DATA holds only those)
    /// against the sum of its TABLE DATA sections' counts.
    func counts() throws -> [DrillReport.Count] {
        var expected: [(QualifiedName, UInt64)] = []
        for section in index.sections where section.type == "TABLE DATA" {
            guard let table = section.table, let rows = section.rows else { continue }
            if let at = expected.firstIndex(where: { $0.0 == table }) { expected[at].1 += rows } else { expected.append((table, rows)) }
        }
        return try expected.map { table, rows in
            let found = try connection.execute("SELECT count(*) FROM ONLY \(table.sqlIdentifier)")[0, 0]
            return DrillReport.Count(table: table, expected: rows, found: found.flatMap { UInt64($0) })
        }
    }

    /// INDEX sections in pg_indexes; CONSTRAINT, CHECK CONSTRAINT and FK CONSTRAINT
    /// sections in pg_constraint, on their table (the index names a constraint
    /// section by the constraint, as its ALTER TABLE ... ADD CONSTRAINT does).
    func objects() throws -> [DrillReport.Object] {
        try index.sections.compactMap { section in
            guard let type = section.type, let name = section.name else { return nil }
            let schema = section.schema ?? "public"
            if type == "INDEX" {
                let found = try connection.execute(
                    "SELECT EXISTS (SELECT FROM pg_catalog.pg_indexes WHERE schemaname = $1 AND indexname = $2)", [schema, name])
                return DrillReport.Object(type: type, schema: schema, name: name, present: found[0, 0] == "t")
            }
            guard type.hasSuffix("CONSTRAINT"), let table = section.table else { return nil }
            let found = try connection.execute("""
                SELECT EXISTS (SELECT FROM pg_catalog.pg_constraint AS c
                JOIN pg_catalog.pg_class AS r ON r.oid = c.conrelid JOIN pg_catalog.pg_namespace AS n ON n.oid = r.relnamespace
                WHERE n.nspname = $1 AND r.relname = $2 AND c.conname = $3)
                """, [table.schema ?? schema, table.name, name])
            return DrillReport.Object(type: type, schema: schema, name: name, present: found[0, 0] == "t")
        }
    }
}
