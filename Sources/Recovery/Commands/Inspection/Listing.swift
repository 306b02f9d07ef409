import DumpParser
import ScalpelArchive
import Support

/// The table of contents `pgscalpel ls` prints: the dump's facts, then one line per
/// table (or per TOC entry when a type filter is given).
public struct Listing: Encodable, Sendable {
    public struct Table: Encodable, Sendable {
        public var schema: String?
        public var name: String
        public var rows: UInt64?
        /// Bytes of SQL of the table's data, and what they take in the archive.
        public var dataBytes: UInt64
        public var compressedDataBytes: UInt64
        /// Every section of the table: definition, data, indexes, constraints, ...
        public var sectionCount: Int
    }

    public struct Entry: Encodable, Sendable {
        public var dumpID: Int?
        public var type: String
        public var schema: String?
        public var name: String?
        public var owner: String?
        public var table: String?
        public var bytes: UInt64
        public var compressedBytes: UInt64
    }

    public var archive: String
    public var archiveBytes: UInt64
    public var dumpBytes: UInt64
    public var dump: DumpInfo
    public var pgscalpelVersion: String
    public var tables: [Table]
    public var entries: [Entry]?

    public struct Filter: Sendable {
        public var schemas: [String] = []
        public var tables: [TablePattern] = []
        public var types: [String] = []
        public init(schemas: [String] = [], tables: [TablePattern] = [], types: [String] = []) {
            self.schemas = schemas
            self.tables = tables
            self.types = types
        }
    }

    public init(path: String, filter: Filter = Filter()) throws {
        let reader = try ArchiveReader.open(path, checkingSettings: false)
        let index = reader.index
        archive = path
        archiveBytes = reader.source.size
        dumpBytes = index.uncompressedSize
        dump = index.dump
        pgscalpelVersion = index.pgscalpelVersion

        func selected(_ relation: QualifiedName?, schema: String?) -> Bool {
            if !filter.schemas.isEmpty && !filter.schemas.contains(schema ?? "") { return false }
            if !filter.tables.isEmpty {
                guard let relation, filter.tables.contains(where: { $0.matches(relation) }) else { return false }
            }
            return true
        }
        func compressed(_ section: Section) -> UInt64 { index.members(of: section).reduce(0) { $0 + $1.length } }

        tables = index.tables.filter { selected($0, schema: $0.schema) }.map { table in
            let data = index.dataSection(of: table)
            return Table(schema: table.schema, name: table.name, rows: data?.rows,
                         dataBytes: data?.uncompressedLength ?? 0, compressedDataBytes: data.map(compressed) ?? 0,
                         sectionCount: index.sections(of: table).count)
        }
        if filter.types.isEmpty {
            entries = nil
        } else {
            let types = Set(filter.types.map { $0.uppercased() })
            try Self.requireKnown(filter.types, present: Set(index.sections.compactMap(\.type)))
            entries = index.sections.filter { section in
                section.kind == .entry && (types.contains("ALL") || types.contains(section.type ?? ""))
                    && selected(section.table, schema: section.schema)
            }.map { section in
                Entry(dumpID: section.dumpID, type: section.type ?? "", schema: section.schema, name: section.name,
                      owner: section.owner, table: section.table?.description,
                      bytes: section.uncompressedLength, compressedBytes: compressed(section))
            }
        }
    }

    /// `--type` words as pg_dump writes them in its TOC headers, in any case, or
    /// `all`: a misspelled type would list nothing and pass for an archive without
    /// such entries. A type this archive holds counts too (a newer pg_dump's).
    static func requireKnown(_ types: [String], present: Set<String>) throws {
        let known = TOCDescriptors.all.union(present).union(["ALL"])
        guard let unknown = types.first(where: { !known.contains($0.uppercased()) }) else { return }
        let others = TOCDescriptors.all.subtracting(present)
        throw UsageError("--type \(unknown) is not a type of TOC entry: this archive has "
            + (present.isEmpty ? "none" : present.sorted().joined(separator: ", "))
            + "; pg_dump also writes \(others.sorted().joined(separator: ", ")); or all, for every entry")
    }

    public func renderText() -> String {
        var lines: [String] = []
        lines.append("archive:   \(archive) (\(formatBytes(archiveBytes)), \(formatBytes(dumpBytes)) of SQL)")
        if let database = dump.database { lines.append("database:  \(database)") }
        lines.append("server:    \(dump.serverVersion ?? "unknown"), pg_dump \(dump.pgDumpVersion ?? "unknown")")
        if let started = dump.startedAt { lines.append("dumped:    \(started) to \(dump.completedAt ?? "?")") }
        if let extensions = dump.extensions, !extensions.isEmpty {
            lines.append("extensions: " + extensions.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: ", "))
        }
        if !dump.settings.isEmpty {
            lines.append("settings:  " + dump.settings.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: " "))
        }
        lines.append("")
        if let entries {
            let rows = entries.map { entry in
                [entry.dumpID.map(String.init) ?? "", entry.type, entry.schema ?? "-", entry.name ?? "", entry.table ?? "",
                 formatBytes(entry.bytes), formatBytes(entry.compressedBytes)]
            }
            lines += formatTable(header: ["ID", "TYPE", "SCHEMA", "NAME", "TABLE", "SQL", "STORED"], rows: rows,
                                 rightAligned: [0, 5, 6])
        } else {
            let rows = tables.map { table in
                [table.schema ?? "-", table.name, table.rows.map(String.init) ?? "-",
                 formatBytes(table.dataBytes), formatBytes(table.compressedDataBytes), String(table.sectionCount)]
            }
            lines += formatTable(header: ["SCHEMA", "TABLE", "ROWS", "DATA", "STORED", "SECTIONS"], rows: rows,
                                 rightAligned: [2, 3, 4, 5])
            lines.append("(\(tables.count) tables)")
        }
        return printableLines(lines)
    }
}
