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
    }

    struct OwnedSequence {
        /// As `regclass` prints it.
        var sequence: String
        var column: String
    }

    func referencingKeys(on connection: Connection) throws -> [ReferencingKey] {
        let result = try connection.execute("""
            SELECT c.conname, c.conrelid::pg_catalog.regclass::text,
                   (SELECT pg_catalog.array_agg(a.attname ORDER BY k.position) FROM unnest(c.conkey) WITH ORDINALITY AS k(attnum, position)
                    JOIN pg_catalog.pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = k.attnum)::text[],
                   (SELECT pg_catalog.array_agg(a.attname ORDER BY k.position) FROM unnest(c.confkey) WITH ORDINALITY AS k(attnum, position)
                    JOIN pg_catalog.pg_attribute a ON a.attrelid = c.confrelid AND a.attnum = k.attnum)::text[]
            FROM pg_catalog.pg_constraint c
            WHERE c.confrelid = $1 AND c.contype = 'f' AND c.conparentid = 0 ORDER BY c.conname
            """, [oid])
        return result.rows.map { row in
            ReferencingKey(constraint: row[0] ?? "", table: row[1] ?? "",
                           columns: Self.textArray(row[2]), referencedColumns: Self.textArray(row[3]))
        }
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

    func owner(on connection: Connection) throws -> String {
        try connection.execute("SELECT pg_catalog.pg_get_userbyid(relowner) FROM pg_catalog.pg_class WHERE oid = $1", [oid])[0, 0] ?? ""
    }

    /// A `text[]` as the server prints it: `{a,"b c"}`. Names come quoted when they
    /// hold a comma, quote, backslash, brace or space, with `\` escaping inside quotes.
    static func textArray(_ text: String?) -> [String] {
        guard let text, text.count >= 2 else { return [] }
        var items: [String] = []
        var current = ""
        var quoted = false
        var escaped = false
        for character in text.dropFirst().dropLast() {
            if escaped {
                current.append(character)
                escaped = false
            } else if character == "\\" && quoted {
                escaped = true
            } else if character == "\"" {
                quoted.toggle()
            } else if character == "," && !quoted {
                items.append(current)
                current = ""
            } else {
                current.append(character)
            }
        }
        items.append(current)
        return items
    }
}
