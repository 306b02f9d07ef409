import ScalpelArchive
import Support

/// `--key`: the rows whose primary key equals given values, found without a server.
/// The comparison is textual, on the values as the dump wrote them (the server's
/// canonical output of each key column): `42` finds integer 42 but `042` does not,
/// a text key must match exactly, a timestamptz key must be written as the dump
/// writes it (`2026-01-01 00:30:00+00` under `backup`'s UTC).
struct ExportKeyFilter {
    /// The primary key's columns, in key order.
    let columns: [String]
    /// Each wanted key's values, and the key as the user wrote it, in the order given.
    private let wanted: [(values: [[UInt8]], text: String)]
    private let lookup: Set<[[UInt8]]>
    private var found: Set<[[UInt8]]> = []

    /// With one key column a value is taken whole, commas included, unless the
    /// column's values never hold a comma (`splitsAtCommas`: integers, uuids, ...),
    /// where `--key 1,2` is two values for one column. With several, it is split at
    /// commas, and a double-quoted part may hold commas (`"a,b",7`) or keep the
    /// spaces around it (`" a",7`). The wrong number of values is a usage error, not
    /// a key that no row has.
    init(table: QualifiedName, primaryKey: [String], values: [String], splitsAtCommas: Bool = false) throws {
        columns = primaryKey
        let parsed = try values.map { value in
            let parts = primaryKey.count == 1 && !splitsAtCommas
                ? [value] : try CommaList(value, option: "--key").parts.map(\.text)
            guard parts.count == primaryKey.count else {
                let given = "\(parts.count) value\(parts.count == 1 ? " was" : "s were") given"
                guard primaryKey.count == 1 else {
                    throw UsageError("--key \(value): the primary key of \(table) has \(primaryKey.count) columns "
                        + "(\(primaryKey.joined(separator: ", "))) and \(given); give one comma-separated value for each")
                }
                throw UsageError("--key \(value): the primary key of \(table) is one column (\(primaryKey[0])) and "
                    + "\(given); give one --key per row (" + parts.map { "--key " + $0.shellQuoted }.joined(separator: " ") + ")")
            }
            return (values: parts.map { Array($0.utf8) }, text: value)
        }
        var seen: Set<[[UInt8]]> = []
        wanted = parsed.filter { seen.insert($0.values).inserted }
        lookup = seen
    }

    /// Where the key's columns are in a block's rows.
    func fields(in section: Section) throws -> [Int] {
        let sectionColumns = section.columns ?? []
        return try columns.map { column in
            guard let field = sectionColumns.firstIndex(of: column) else {
                throw UsageError("key column \(column) is not in the data of \(section.label) (a generated column?)")
            }
            return field
        }
    }

    mutating func matches(_ row: ExportRow, fields: [Int]) -> Bool {
        var key: [[UInt8]] = []
        key.reserveCapacity(fields.count)
        for field in fields {
            guard let value = row.withValue(field, { $0.map(Array.init) }) else { return false }
            key.append(value)
        }
        guard lookup.contains(key) else { return false }
        found.insert(key)
        return true
    }

    /// Every key found: a primary key is unique, so no later row can match.
    var isComplete: Bool { found.count == lookup.count }

    /// The keys no row had, as the user wrote them.
    var missing: [String] {
        wanted.filter { !found.contains($0.values) }.map(\.text)
    }
}
