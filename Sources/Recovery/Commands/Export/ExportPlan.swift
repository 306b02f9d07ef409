import ScalpelArchive
import Support

/// Everything decided about one table before its first row is read, so that a
/// wrong column name or a missing primary key fails before any output.
struct ExportPlan {
    let table: QualifiedName
    /// Its `TABLE DATA` sections: one, or one per partition.
    let sections: [Section]
    /// The output columns, in order.
    let columns: [String]
    /// How each output column's values are typed, from the table's definition.
    let kinds: [ColumnKind]
    let key: ExportKeyFilter?
    /// `--where`: the rows come from a server that evaluates it, not from the archive.
    let filter: WhereExpression?
    /// An identity column refuses `INSERT`ed values without `OVERRIDING SYSTEM VALUE`.
    let hasAlwaysIdentity: Bool

    /// `requested` are `--columns` (nil for all the columns the data holds, in COPY
    /// order); `keys` are `--key` values.
    init(table: QualifiedName, catalog: ArchiveTableCatalog, requested: [String]?, keys: [String], filter: WhereExpression?) throws {
        self.table = table
        self.filter = filter
        sections = catalog.dataSections(of: table)
        guard let first = sections.first else {
            throw UsageError("\(table) has no data in the archive (a foreign table, or dumped with --exclude-table-data?)")
        }
        let available = first.columns ?? []
        let declared = try catalog.columns(of: table)
        if let requested {
            var seen: Set<String> = []
            for column in requested {
                guard seen.insert(column).inserted else { throw UsageError("--columns names \(column) twice") }
                guard available.contains(column) else {
                    if declared[column]?.isGenerated == true {
                        throw UsageError("column \(column) of \(table) is generated: pg_dump does not write its values")
                    }
                    throw UsageError("no column \(column) in \(table) (its columns: \(available.joined(separator: ", ")))")
                }
            }
        }
        columns = requested ?? available
        hasAlwaysIdentity = try catalog.hasAlwaysIdentity(table)
        kinds = try columns.map { column in try declared[column].map { try catalog.kind(of: $0.type) } ?? .text }
        if keys.isEmpty {
            key = nil
        } else {
            guard let primaryKey = try catalog.primaryKey(of: table) else {
                throw UsageError("\(table) has no primary key in the archive: --key needs one")
            }
            let splitsAtCommas = try primaryKey.count == 1 && declared[primaryKey[0]].map {
                try Self.textHasNoComma(catalog.kind(of: $0.type), $0.type)
            } == true
            key = try ExportKeyFilter(table: table, primaryKey: primaryKey, values: keys, splitsAtCommas: splitsAtCommas)
        }
    }

    /// Whether a column's values, as the dump writes them, never hold a comma: then
    /// a comma in a one-column key's `--key` separates two values, the wrong number.
    private static func textHasNoComma(_ kind: ColumnKind, _ type: ColumnType) -> Bool {
        guard kind.dimensions == 0 else { return false }
        if [.integer, .numeric, .float, .boolean].contains(kind.scalar) { return true }
        let name = type.name.first == "pg_catalog" ? Array(type.name.dropFirst()) : type.name
        return name.count == 1 && commaFreeTypes.contains(name[0])
    }

    private static let commaFreeTypes: Set<String> = [
        "uuid", "date", "timestamp", "timestamp with time zone", "timestamp without time zone", "timestamptz",
        "time", "time without time zone", "inet", "cidr", "macaddr", "macaddr8",
    ]

    /// Where each output column is in a block's rows (a partition may order its columns differently).
    func fields(in section: Section) throws -> [Int] {
        let sectionColumns = section.columns ?? []
        return try columns.map { column in
            guard let field = sectionColumns.firstIndex(of: column) else {
                throw UsageError("\(section.label) has no column \(column)")
            }
            return field
        }
    }
}
