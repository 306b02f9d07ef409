import DumpParser
import ScalpelArchive
import Support

/// How the recovery commands see an index: tables and the sections that belong to them.
extension ArchiveIndex {
    /// The dump's client_encoding when it is one whose characters can hold ASCII
    /// bytes after their first: COPY text and CSV must then be read and written a
    /// character at a time. Nil for UTF-8 and every other encoding.
    var clientOnlyEncoding: ClientOnlyEncoding? {
        dump.settings["client_encoding"].flatMap(ClientOnlyEncoding.init(name:))
    }

    /// Every table defined in the archive, in dump order. By position, as iterating
    /// copies every section: `cat` reads this on archives of thousands.
    public var tables: [QualifiedName] {
        sections.indices.compactMap { index in
            let type = sections[index].type
            return type == "TABLE" || type == "FOREIGN TABLE" ? sections[index].table : nil
        }
    }

    /// The tables a pattern names. A pattern must name at least one, and when it
    /// names none the archive's closest names are offered, spelled to paste after
    /// `-t`: every command that takes `-t` of an archive comes through here. A
    /// pattern without wildcards that fits tables in several schemas is ambiguous.
    public func tables(matching pattern: TablePattern) throws -> [QualifiedName] {
        let all = tables
        let found = all.filter { pattern.matches($0) }
        guard !found.isEmpty else {
            let close = Self.suggestions(for: pattern, among: all)
            let suggestion = close.isEmpty ? "" : "; did you mean \(listedAsAlternatives(close.map(TablePattern.spelling)))?"
            throw UsageError("no table \(pattern) in the archive\(suggestion) (pgscalpel ls lists them)")
        }
        if found.count > 1 && !pattern.hasWildcards {
            throw UsageError("\(pattern) is ambiguous: \(found.map(\.description).joined(separator: ", ")); qualify it with a schema")
        }
        return found
    }

    /// The tables the pattern would match but for case (`Sales.order*` for
    /// `"Sales"."Order Items"`, the mistake unquoted folding invites), then those
    /// whose names are a typo away; five at most.
    private static func suggestions(for pattern: TablePattern, among all: [QualifiedName]) -> [QualifiedName] {
        let caseless = (try? TablePattern(pattern.description.lowercased())).map { folded in
            all.filter { folded.matches(QualifiedName(schema: $0.schema?.lowercased(), name: $0.name.lowercased())) }
        } ?? []
        let typed = pattern.typedName
        let byText = Dictionary(grouping: all) { typed.qualified ? $0.description : $0.name }
        let close = closestNames(to: typed.text, among: Array(byText.keys)).flatMap { byText[$0] ?? [] }
        var seen = Set<QualifiedName>()
        return (caseless + close).filter { seen.insert($0).inserted }.prefix(5).map { $0 }
    }

    /// Sections that belong to `table`, in dump order.
    public func sections(of table: QualifiedName) -> [Section] {
        sections.filter { $0.table == table }
    }

    public func dataSection(of table: QualifiedName) -> Section? {
        sections.first { $0.table == table && $0.type == "TABLE DATA" }
    }

    /// Partition to parent, from the `TABLE ATTACH` entries: such an entry
    /// belongs to the partition and is named after the parent.
    var partitionParents: [QualifiedName: QualifiedName] {
        var parents: [QualifiedName: QualifiedName] = [:]
        for section in sections where section.type == "TABLE ATTACH" {
            if let partition = section.table, let name = section.name {
                parents[partition] = QualifiedName(schema: section.schema, name: name)
            }
        }
        return parents
    }

    /// Parent to its partitions, in dump order.
    var partitionsByParent: [QualifiedName: [QualifiedName]] {
        let parents = partitionParents
        var partitions: [QualifiedName: [QualifiedName]] = [:]
        for table in tables {
            if let parent = parents[table] { partitions[parent, default: []].append(table) }
        }
        return partitions
    }

    /// The partitions of `table` that hold rows, however many levels down; none
    /// for a table that is not partitioned. An archive whose ATTACH entries loop
    /// (no pg_dump writes one) ends at the loop.
    func leafPartitions(of table: QualifiedName, in partitions: [QualifiedName: [QualifiedName]]) -> [QualifiedName] {
        var leaves: [QualifiedName] = []
        var seen: Set<QualifiedName> = [table]
        var pending = partitions[table] ?? []
        while !pending.isEmpty {
            let partition = pending.removeFirst()
            guard seen.insert(partition).inserted else { continue }
            if let below = partitions[partition] { pending = below + pending } else { leaves.append(partition) }
        }
        return leaves
    }

    public var prologue: Section? { sections.first { $0.kind == .prologue } }
    public var epilogue: Section? { sections.last { $0.kind == .epilogue } }
}
