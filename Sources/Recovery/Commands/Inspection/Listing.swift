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
        /// A partitioned table holds no data of its own: its rows and bytes are
        /// then those of its partitions (all levels down), which keep their own
        /// lines, so a script summing every line counts them twice unless it
        /// skips these.
        public var sumOfPartitions: Bool
        /// Its partitions, one level down.
        public var partitions: [QualifiedName]?
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
        public var schemas: [SchemaPattern] = []
        public var tables: [TablePattern] = []
        public var types: [String] = []
        public init(schemas: [SchemaPattern] = [], tables: [TablePattern] = [], types: [String] = []) {
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

        func selected(_ table: QualifiedName?, schema: String?) -> Bool {
            if !filter.schemas.isEmpty && !filter.schemas.contains(where: { $0.matches(schema) }) { return false }
            if !filter.tables.isEmpty {
                guard let table, filter.tables.contains(where: { $0.matches(table) }) else { return false }
            }
            return true
        }
        func compressed(_ section: Section) -> UInt64 { index.members(of: section).reduce(0) { $0 + $1.length } }

        let partitions = index.partitionsByParent
        tables = index.tables.filter { selected($0, schema: $0.schema) }.map { table in
            let sections = index.sections(of: table)
            let own = sections.first { $0.type == "TABLE DATA" }
            let leaves = own == nil ? index.leafPartitions(of: table, in: partitions) : []
            let data = leaves.isEmpty ? own.map { [$0] } ?? [] : leaves.compactMap(index.dataSection(of:))
            let rows = data.compactMap(\.rows)
            return Table(schema: table.schema, name: table.name,
                         rows: !data.isEmpty && rows.count == data.count ? rows.reduce(0, +) : nil,
                         dataBytes: data.reduce(0) { $0 + $1.uncompressedLength },
                         compressedDataBytes: data.reduce(0) { $0 + compressed($1) },
                         sectionCount: sections.count, sumOfPartitions: !leaves.isEmpty,
                         partitions: partitions[table])
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
                let sum = table.sumOfPartitions ? "*" : ""
                return [table.schema ?? "-", table.name, (table.rows.map(String.init) ?? "-") + sum,
                        formatBytes(table.dataBytes) + sum, formatBytes(table.compressedDataBytes) + sum,
                        String(table.sectionCount)]
            }
            lines += formatTable(header: ["SCHEMA", "TABLE", "ROWS", "DATA", "STORED", "SECTIONS"], rows: rows,
                                 rightAligned: [2, 3, 4, 5])
            let note = tables.contains(where: \.sumOfPartitions) ? "; * the sum of a partitioned table's partitions" : ""
            lines.append("(\(tables.count) tables\(note))")
        }
        return printableLines(lines)
    }
}
