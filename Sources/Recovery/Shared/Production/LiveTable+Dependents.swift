import PostgresAccess

/// What hangs on a live table besides its rows: the foreign keys of other tables
/// that point at it (a delete they still use must stop `apply`), the sequences
/// its columns draw from (which must not hand out a restored value again), and
/// its triggers.
extension LiveTable {
    struct ReferencingKey {
        var constraint: String
        /// The referencing table, as `regclass` prints it (quoted where needed).
        var table: String
        var columns: [String]
        /// The columns of this table they point at, in the same order.
        var referencedColumns: [String]
        /// The table references itself (a tree): its own deleted rows do not count.
        var isSelf: Bool
    }

    struct OwnedSequence {
        /// As `regclass` prints it.
        var sequence: String
        var column: String
    }

    /// One row per column pair, grouped here, so no array text needs parsing.
    func referencingKeys(on connection: Connection) throws -> [ReferencingKey] {
        let pairs = try connection.execute("""
            SELECT c.conname, c.conrelid::pg_catalog.regclass::text, a.attname, f.attname, c.conrelid = c.confrelid
            FROM pg_catalog.pg_constraint c
            CROSS JOIN LATERAL unnest(c.conkey, c.confkey) WITH ORDINALITY AS k(attnum, referenced, position)
            JOIN pg_catalog.pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = k.attnum
            JOIN pg_catalog.pg_attribute f ON f.attrelid = c.confrelid AND f.attnum = k.referenced
            WHERE c.confrelid = $1 AND c.contype = 'f' AND c.conparentid = 0
            ORDER BY c.conname, c.conrelid, k.position
            """, [oid])
        var keys: [ReferencingKey] = []
        for row in pairs.rows {
            let (constraint, table) = (row[0] ?? "", row[1] ?? "")
            if keys.last?.constraint != constraint || keys.last?.table != table {
                keys.append(ReferencingKey(constraint: constraint, table: table, columns: [], referencedColumns: [],
                                           isSelf: row[4] == "t"))
            }
            keys[keys.count - 1].columns.append(row[2] ?? "")
            keys[keys.count - 1].referencedColumns.append(row[3] ?? "")
        }
        return keys
    }

    func ownedSequences(on connection: Connection) throws -> [OwnedSequence] {
        try connection.execute("""
            SELECT s.oid::pg_catalog.regclass::text, a.attname FROM pg_catalog.pg_depend d
            JOIN pg_catalog.pg_class s ON s.oid = d.objid AND s.relkind = 'S'
            JOIN pg_catalog.pg_attribute a ON a.attrelid = d.refobjid AND a.attnum = d.refobjsubid
            WHERE d.classid = 'pg_catalog.pg_class'::pg_catalog.regclass AND d.refobjid = $1 AND d.deptype IN ('a', 'i')
            """, [oid]).rows.map { OwnedSequence(sequence: $0[0] ?? "", column: $0[1] ?? "") }
    }

    /// A user trigger that fires now, and how to turn it back on as it was.
    struct EnabledTrigger {
        var name: String
        /// `ENABLE`, `ENABLE REPLICA` or `ENABLE ALWAYS`, from `pg_trigger.tgenabled`.
        var enable: String
    }

    /// The table's user triggers that are on: `--disable-triggers` turns off only
    /// these and turns each back on as it was, so one that was off stays off.
    func enabledUserTriggers(on connection: Connection) throws -> [EnabledTrigger] {
        try connection.execute("""
            SELECT tgname, tgenabled FROM pg_catalog.pg_trigger
            WHERE tgrelid = $1 AND NOT tgisinternal AND tgenabled <> 'D' ORDER BY tgname
            """, [oid]).rows.map { row in
            EnabledTrigger(name: row[0] ?? "", enable: row[1] == "R" ? "ENABLE REPLICA" : row[1] == "A" ? "ENABLE ALWAYS" : "ENABLE")
        }
    }

    /// Enabled row-level BEFORE INSERT or UPDATE triggers: what may change a row on
    /// its way in (an `updated_at` stamp), so that what is written is not the backup's.
    func beforeRowTriggers(on connection: Connection) throws -> [String] {
        // tgtype bits: 1 row, 2 before, 4 insert, 16 update.
        try connection.execute("""
            SELECT tgname FROM pg_catalog.pg_trigger WHERE tgrelid = $1 AND NOT tgisinternal AND tgenabled <> 'D'
            AND tgtype::integer & 3 = 3 AND tgtype::integer & 20 <> 0 ORDER BY tgname
            """, [oid]).rows.map { $0[0] ?? "" }
    }

    func owner(on connection: Connection) throws -> String {
        try connection.execute("SELECT pg_catalog.pg_get_userbyid(relowner) FROM pg_catalog.pg_class WHERE oid = $1", [oid])[0, 0] ?? ""
    }
}
