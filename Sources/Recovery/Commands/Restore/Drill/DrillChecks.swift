import PostgresAccess
import ScalpelArchive
import Support

/// The drill's checks of a restored database against the archive's index:
/// row counts of every table with data, and every object of each kind the
/// catalogs can find by name. Separate from the restore so that they can run on
/// any database restored from the archive.
struct DrillChecks {
    let connection: Connection
    let index: ArchiveIndex

    struct Result {
        var counts: [DrillReport.Count]
        var kinds: [DrillReport.Kind]
        var extensions: [DrillReport.Extension]
        var unchecked: [String]
    }

    func run() throws -> Result {
        let (kinds, unchecked) = try objects()
        return Result(counts: try counts(), kinds: kinds, extensions: try extensions(), unchecked: unchecked)
    }

    /// Each table's rows (its own, `ONLY`, as its TABLE DATA holds only those)
    /// against the sum of its TABLE DATA sections' counts.
    func counts() throws -> [DrillReport.Count] {
        try Self.expectedRows(index).map { table, rows in
            let found = try connection.execute("SELECT count(*) FROM ONLY \(table.sqlIdentifier)")[0, 0]
            return DrillReport.Count(table: table, expected: rows, found: found.flatMap { UInt64($0) })
        }
    }

    /// The index's rows per table, summed over its TABLE DATA sections, in dump order.
    static func expectedRows(_ index: ArchiveIndex) -> [(QualifiedName, UInt64)] {
        var expected: [(QualifiedName, UInt64)] = []
        for section in index.sections where section.type == "TABLE DATA" {
            guard let table = section.table, let rows = section.rows else { continue }
            if let at = expected.firstIndex(where: { $0.0 == table }) { expected[at].1 += rows } else { expected.append((table, rows)) }
        }
        return expected
    }

    /// Every kind of `DrillObjectKind.byType` the archive holds, one catalog query
    /// each, in the order the kinds first appear in the dump; and the other entry
    /// types, which are not checked (TABLE DATA is, by `counts`).
    func objects() throws -> (kinds: [DrillReport.Kind], unchecked: [String]) {
        var order: [String] = []
        var expected: [String: [[String]]] = [:]
        var unchecked: [String] = []
        for section in index.sections where section.kind == .entry {
            guard let type = section.type else { continue }
            guard let kind = DrillObjectKind.byType[type], let key = kind.key(of: section) else {
                if type != "TABLE DATA" && !unchecked.contains(type) { unchecked.append(type) }
                continue
            }
            if expected[type] == nil { order.append(type) }
            expected[type, default: []].append(key)
        }
        return (try order.map { type in
            let keys = expected[type] ?? []
            var present: [[String]: Int] = [:]
            for row in try connection.execute(DrillObjectKind.byType[type]!.sql).rows {
                present[row.map { $0 ?? "" }, default: 0] += 1
            }
            var missing: [String] = []
            for key in keys {
                if let left = present[key], left > 0 { present[key] = left - 1 } else { missing.append(Self.display(key)) }
            }
            return DrillReport.Kind(type: type, expected: keys.count, found: keys.count - missing.count, missing: missing)
        }, unchecked)
    }

    /// The archive's EXTENSION entries with the version `backup` recorded and the one
    /// the restore installed. A different version is not a failure: CREATE EXTENSION
    /// installs the target's default, which the restore allows.
    func extensions() throws -> [DrillReport.Extension] {
        let names = index.sections.filter { $0.type == "EXTENSION" }.compactMap(\.name)
        guard !names.isEmpty else { return [] }
        var installed: [String: String] = [:]
        for row in try connection.execute("SELECT extname, extversion FROM pg_catalog.pg_extension").rows {
            if let name = row[0] { installed[name] = row[1] }
        }
        return names.map { DrillReport.Extension(name: $0, archive: index.dump.extensions?[$0], restored: installed[$0]) }
    }

    /// `schema.name`, or `schema.table.name` for an object named per table, quoted
    /// where a part needs it so that the parts can be told apart.
    private static func display(_ key: [String]) -> String {
        key.map { part in
            part.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "_" }) ? part : "\"\(part.replacing("\"", with: "\"\""))\""
        }.joined(separator: ".")
    }
}
