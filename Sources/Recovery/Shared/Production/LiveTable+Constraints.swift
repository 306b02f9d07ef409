import PostgresAccess

/// The constraints production holds a written row to, read so that `apply`'s plan
/// can find the rows they would refuse before any is written (`ApplyConstraintCheck`).
/// Expressions come from production's own catalog, printed with an empty search
/// path so every name in them is schema-qualified: never from the archive.
extension LiveTable {
    struct UniqueIndex {
        var name: String
        var columns: [String]
        /// A partial index's predicate: only rows where it holds must be unique.
        var predicate: String?
        /// `NULLS NOT DISTINCT` (PostgreSQL 15): rows whose values are all NULL collide too.
        var nullsNotDistinct: Bool
    }

    struct CheckConstraint {
        var name: String
        var expression: String
        var columns: [String]
    }

    struct ForeignKey {
        var name: String
        /// The referenced table, as `regclass` prints it.
        var parent: String
        /// A partitioned parent is read with its partitions, any other `ONLY`, as the server's check reads it.
        var parentIsPartitioned: Bool
        var columns: [String]
        var referencedColumns: [String]
        /// `MATCH FULL`: a key with some columns NULL and some not is refused too.
        var matchFull: Bool
        var isSelf: Bool
    }

    struct Constraints {
        var uniqueIndexes: [UniqueIndex] = []
        var checks: [CheckConstraint] = []
        var foreignKeys: [ForeignKey] = []
        /// Unique indexes on expressions and exclusion constraints: not foreseen, only named.
        var unforeseen: [String] = []
        /// Enabled row triggers that fire before an INSERT or UPDATE: they may
        /// change a row on its way in, so a foreseen refusal may not happen.
        var beforeTriggers: [String] = []
        /// A partitioned table's leaf partitions, each by the constraint a row must
        /// meet to go there (nil: it takes any row, as a lone default partition does).
        var partitions: [String?]?
    }

    func constraints(on connection: Connection) throws -> Constraints {
        try connection.withEmptySearchPath { try readConstraints(on: connection) }
    }

    private func readConstraints(on connection: Connection) throws -> Constraints {
        var found = Constraints()
        let version = connection.serverVersionNumber
        let keyCount = version >= 110000 ? "i.indnkeyatts" : "i.indnatts"
        let nullsNotDistinct = version >= 150000 ? "i.indnullsnotdistinct" : "false"
        // One row per index column; an expression column has attnum 0 and no attribute.
        let indexes = try connection.execute("""
            SELECT x.relname, i.indexprs IS NOT NULL, pg_catalog.pg_get_expr(i.indpred, i.indrelid), \(nullsNotDistinct), a.attname
            FROM pg_catalog.pg_index i JOIN pg_catalog.pg_class x ON x.oid = i.indexrelid
            CROSS JOIN LATERAL unnest(i.indkey) WITH ORDINALITY AS k(attnum, position)
            LEFT JOIN pg_catalog.pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = k.attnum
            WHERE i.indrelid = $1 AND i.indisunique AND i.indisready AND k.position <= \(keyCount)
            ORDER BY x.relname, k.position
            """, [oid])
        for row in indexes.rows {
            let name = row[0] ?? ""
            if row[1] == "t" {
                if found.unforeseen.last != "unique index \(name)" { found.unforeseen.append("unique index \(name)") }
                continue
            }
            if found.uniqueIndexes.last?.name != name {
                found.uniqueIndexes.append(UniqueIndex(name: name, columns: [], predicate: row[2], nullsNotDistinct: row[3] == "t"))
            }
            found.uniqueIndexes[found.uniqueIndexes.count - 1].columns.append(row[4] ?? "")
        }
        // One row per column the expression reads; none for a check on no column.
        let checks = try connection.execute("""
            SELECT c.conname, pg_catalog.pg_get_expr(c.conbin, c.conrelid), a.attname
            FROM pg_catalog.pg_constraint c
            LEFT JOIN LATERAL unnest(c.conkey) AS k(attnum) ON true
            LEFT JOIN pg_catalog.pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = k.attnum
            WHERE c.conrelid = $1 AND c.contype = 'c' ORDER BY c.conname
            """, [oid])
        for row in checks.rows {
            let name = row[0] ?? ""
            if found.checks.last?.name != name {
                found.checks.append(CheckConstraint(name: name, expression: row[1] ?? "true", columns: []))
            }
            if let column = row[2] { found.checks[found.checks.count - 1].columns.append(column) }
        }
        let keys = try connection.execute("""
            SELECT c.conname, c.confrelid::pg_catalog.regclass::text, r.relkind = 'p',
                   c.confmatchtype = 'f', c.conrelid = c.confrelid, a.attname, f.attname
            FROM pg_catalog.pg_constraint c JOIN pg_catalog.pg_class r ON r.oid = c.confrelid
            CROSS JOIN LATERAL unnest(c.conkey, c.confkey) WITH ORDINALITY AS k(attnum, referenced, position)
            JOIN pg_catalog.pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = k.attnum
            JOIN pg_catalog.pg_attribute f ON f.attrelid = c.confrelid AND f.attnum = k.referenced
            WHERE c.conrelid = $1 AND c.contype = 'f' ORDER BY c.conname, k.position
            """, [oid])
        for row in keys.rows {
            let name = row[0] ?? ""
            if found.foreignKeys.last?.name != name {
                found.foreignKeys.append(ForeignKey(name: name, parent: row[1] ?? "", parentIsPartitioned: row[2] == "t",
                                                    columns: [], referencedColumns: [], matchFull: row[3] == "t",
                                                    isSelf: row[4] == "t"))
            }
            found.foreignKeys[found.foreignKeys.count - 1].columns.append(row[5] ?? "")
            found.foreignKeys[found.foreignKeys.count - 1].referencedColumns.append(row[6] ?? "")
        }
        found.unforeseen += try connection.execute("""
            SELECT 'exclusion constraint ' || conname FROM pg_catalog.pg_constraint WHERE conrelid = $1 AND contype = 'x' ORDER BY conname
            """, [oid]).rows.map { $0[0] ?? "" }
        found.beforeTriggers = try beforeRowTriggers(on: connection)
        // The partition constraint of a leaf includes its ancestors' (PostgreSQL 12 has pg_partition_tree).
        if isPartitioned && version >= 120000 {
            found.partitions = try connection.execute("""
                SELECT pg_catalog.pg_get_partition_constraintdef(t.relid) FROM pg_catalog.pg_partition_tree($1::pg_catalog.regclass) t
                WHERE t.isleaf ORDER BY t.relid
                """, [oid]).rows.map { $0[0] }
        }
        return found
    }
}
