import DumpParser
import ScalpelArchive
import Support

/// What `export` learns about a table from the archive's schema sections, each read
/// (a member or two) only when asked: its columns and their types, following
/// domains to their base types and inherited columns to their parents; its primary
/// key; the data sections that hold its rows.
final class ArchiveTableCatalog {
    private let reader: ArchiveReader
    private var index: ArchiveIndex { reader.index }

    init(reader: ArchiveReader) {
        self.reader = reader
    }

    /// The table's declared columns by name, inherited ones included.
    func columns(of table: QualifiedName) throws -> [String: TableDefinition.Column] {
        var columns: [String: TableDefinition.Column] = [:]
        var pending = [table]
        var seen: Set<QualifiedName> = []
        while let next = pending.popLast() {
            guard seen.insert(next).inserted,
                  let section = index.sections.first(where: { ($0.type == "TABLE" || $0.type == "FOREIGN TABLE") && $0.table == next })
            else { continue }
            let definition = TableDefinition(parsing: try reader.text(of: section))
            for column in definition.columns where columns[column.name] == nil { columns[column.name] = column }
            pending += definition.parents
        }
        return columns
    }

    /// Domains resolve to their base type (a domain over `integer` is written as a
    /// number); enums, composites and extension types (citext) are strings.
    func kind(of type: ColumnType) throws -> ColumnKind {
        var name = type.name
        if name.count == 2 && name[0] == "pg_catalog" { name.removeFirst() }
        if name.count == 1, let scalar = ValueKind.builtin(name[0]) {
            return ColumnKind(scalar: scalar, dimensions: type.dimensions, delimiter: UInt8(ascii: ","))
        }
        if name == ["box"] {
            return ColumnKind(scalar: .text, dimensions: type.dimensions, delimiter: UInt8(ascii: ";"))
        }
        // pgvector's types, in whatever schema the extension was created in, when the
        // archive creates the extension (else a type of that name is someone else's).
        if let last = name.last, ["vector", "halfvec"].contains(last), type.dimensions == 0,
           index.sections.contains(where: { $0.type == "EXTENSION" && $0.name == "vector" }) {
            return ColumnKind(scalar: .vector, dimensions: 0, delimiter: UInt8(ascii: ","))
        }
        var domains = 0
        var current = type
        while current.name.count == 2, domains < 16,
              let section = index.sections.first(where: {
                  $0.type == "DOMAIN" && $0.schema == current.name[0] && $0.name == current.name[1]
              }),
              let base = ColumnType.domainBase(parsing: try reader.text(of: section)) {
            domains += 1
            current = ColumnType(name: base.name, dimensions: base.dimensions + current.dimensions)
        }
        guard domains > 0 else {
            return ColumnKind(scalar: .text, dimensions: type.dimensions, delimiter: UInt8(ascii: ","))
        }
        return try kind(of: current)
    }

    /// From the table's `ALTER TABLE ... ADD CONSTRAINT ... PRIMARY KEY (...)` section.
    func primaryKey(of table: QualifiedName) throws -> [String]? {
        for section in index.sections(of: table) where section.type == "CONSTRAINT" {
            if let key = TableDefinition.primaryKey(parsing: try reader.text(of: section)) { return key }
        }
        return nil
    }

    /// Whether a column is `GENERATED ALWAYS AS IDENTITY`, which refuses explicit
    /// values in an `INSERT` unless it says `OVERRIDING SYSTEM VALUE`. pg_dump
    /// declares identity in the owned sequence's section.
    func hasAlwaysIdentity(_ table: QualifiedName) throws -> Bool {
        for section in index.sections(of: table) where section.type == "SEQUENCE" {
            let tokens = [SQLTokenizer.Token](try reader.text(of: section)).map(\.foldedWord)
            if tokens.indices.contains(where: { tokens[$0...].starts(with: ["generated", "always", "as", "identity"]) }) {
                return true
            }
        }
        return false
    }

    /// The table's own `TABLE DATA` section, or for a partitioned table those of its
    /// partitions (found from pg_dump's `TABLE ATTACH` entries), in dump order.
    func dataSections(of table: QualifiedName) -> [Section] {
        let parents = index.partitionParents
        var found: [Section] = []
        var pending = [table]
        var seen: Set<QualifiedName> = []
        while !pending.isEmpty {
            let next = pending.removeFirst()
            guard seen.insert(next).inserted else { continue }
            if let own = index.dataSection(of: next) {
                found.append(own)
            } else {
                pending += parents.compactMap { $0.value == next ? $0.key : nil }
            }
        }
        return found.sorted { $0.uncompressedOffset < $1.uncompressedOffset }
    }
}
