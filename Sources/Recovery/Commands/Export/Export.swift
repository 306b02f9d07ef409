import DumpParser
import FoundationEssentials
import PostgresAccess
import ScalpelArchive
import Support

/// `pgscalpel export`: a table's rows as CSV, JSON Lines, INSERT statements or its
/// COPY block, decoded from the archive's COPY text with no server. Rows stream from
/// the members that hold them to the output, so memory stays at a few members
/// whatever the table's size. Only `--where` needs a server (see `ExportSidecar`);
/// its rows go through the same writers, so every format reads the same either way.
public struct Export {
    public var archive: String
    public var tables: [TablePattern]
    /// One format, or several into a folder: one file per table and format, all
    /// written from one read of the rows.
    public var formats: [ExportFormat] = [.csv]
    /// `--columns`: only these, in this order; nil for every column the data holds.
    public var columns: [String]?
    /// `--key`: primary key values (comma-separated for a composite key).
    public var keys: [String] = []
    public var bytea: ExportFormat.Bytea = .hex
    /// `--where`: one expression per `-t`, in the same order, each for every table its
    /// `-t` matches. The chosen tables are then read through a server (`sidecar`),
    /// which evaluates the expressions as only PostgreSQL can.
    public var wheres: [String] = []
    public var sidecar: ExportSidecar = .auto
    /// Which PostgreSQL programs a sidecar uses.
    public var binaries = BinaryChoice()
    /// A file, or a folder (an existing one, a path ending in `/`, or any path when
    /// several tables match): one file per table plus `manifest.json`. Nil for
    /// standard output.
    public var output: String?

    public init(archive: String, tables: [TablePattern]) {
        self.archive = archive
        self.tables = tables
    }

    public func run(progress: Progress? = nil) throws -> ExportSummary {
        let reader = try ArchiveReader.open(archive)
        let chosen = try chosenTables(in: reader.index)
        var isFolder = false
        let folder = output.flatMap { output in
            chosen.count > 1 || output.hasSuffix("/")
                || (FileManager.default.fileExists(atPath: output, isDirectory: &isFolder) && isFolder) ? output : nil
        }
        guard folder != nil || chosen.count == 1 else { throw severalTables(chosen.map(\.table)) }
        guard folder != nil || formats.count == 1 else {
            throw UsageError("\(formats.count) formats need -o FOLDER: one file per table and format")
        }
        // Every plan is made first, so a table that cannot be exported fails the
        // command before a server starts or any file is written.
        let catalog = ArchiveTableCatalog(reader: reader)
        var plans: [ExportPlan] = []
        var skipped: [QualifiedName] = []
        for (table, filter) in chosen {
            if folder != nil && catalog.dataSections(of: table).isEmpty {
                skipped.append(table)
            } else {
                plans.append(try ExportPlan(table: table, catalog: catalog, requested: columns, keys: keys, filter: filter))
            }
        }
        return try withServer(for: plans, reader: reader, progress: progress) { server in
            if let folder {
                return try writeFolder(folder, plans: plans, skipped: skipped, reader: reader, server: server, progress: progress)
            }
            guard let output else {
                return try write(plans[0], reader: reader, server: server,
                                 to: DescriptorSink(fd: .standardOutput, name: "standard output"), progress: progress)
            }
            return try writeAtomically([output]) { sinks in
                var summary = try write(plans[0], reader: reader, server: server, to: sinks[0], progress: progress)
                summary.tables[0].files = [output]
                return summary
            }
        }
    }

    /// Writes the one table the patterns name to `sink`.
    public func write(reader: ArchiveReader, to sink: any ByteSink, progress: Progress? = nil) throws -> ExportSummary {
        let chosen = try chosenTables(in: reader.index)
        guard chosen.count == 1 else { throw severalTables(chosen.map(\.table)) }
        let plan = try ExportPlan(table: chosen[0].table, catalog: ArchiveTableCatalog(reader: reader), requested: columns,
                                  keys: keys, filter: chosen[0].filter)
        return try withServer(for: [plan], reader: reader, progress: progress) { server in
            try write(plan, reader: reader, server: server, to: sink, progress: progress)
        }
    }

    /// The tables the patterns match, in order, each with the `--where` of the `-t`
    /// that matched it first.
    private func chosenTables(in index: ArchiveIndex) throws -> [(table: QualifiedName, filter: WhereExpression?)] {
        let filters = try wheres.map { try WhereExpression($0) }
        guard filters.isEmpty || filters.count == tables.count else {
            throw UsageError("give one --where per -t, in the same order (\(tables.count) -t, \(filters.count) --where)")
        }
        guard filters.isEmpty || keys.isEmpty else { throw UsageError("--where and --key: choose rows one way, not both") }
        var chosen: [(table: QualifiedName, filter: WhereExpression?)] = []
        for (position, pattern) in tables.enumerated() {
            let filter = filters.isEmpty ? nil : filters[position]
            for table in try index.tables(matching: pattern) {
                guard let earlier = chosen.first(where: { $0.table == table }) else {
                    chosen.append((table, filter))
                    continue
                }
                guard earlier.filter == filter else {
                    throw UsageError("\(table) is matched by two -t with different --where: name it once")
                }
            }
        }
        guard !chosen.isEmpty else { throw UsageError("name a table with -t") }
        if chosen.count > 1 && (columns != nil || !keys.isEmpty) { throw severalTables(chosen.map(\.table)) }
        return chosen
    }

    private func severalTables(_ chosen: [QualifiedName]) -> UsageError {
        let names = chosen.prefix(5).map(\.description).joined(separator: ", ") + (chosen.count > 5 ? ", ..." : "")
        let what = columns != nil || !keys.isEmpty ? "--columns and --key apply to one table" : "one file per table needs -o FOLDER"
        return UsageError("\(chosen.count) tables match (\(names)): \(what)")
    }

    private func write(_ plan: ExportPlan, reader: ArchiveReader, server: ExportServerRows?, to sink: any ByteSink,
                       progress: Progress?) throws -> ExportSummary {
        let (rows, missing) = try write(plan, reader: reader, server: server, into: [sink], progress: progress)
        return ExportSummary(tables: [ExportSummary.Table(table: plan.table, rows: rows, columns: plan.columns,
                                                          where: plan.filter?.expression)],
                             missingKeys: missing, skipped: [])
    }

    /// Each table into its own file, then `manifest.json`.
    private func writeFolder(_ folder: String, plans: [ExportPlan], skipped: [QualifiedName], reader: ArchiveReader,
                             server: ExportServerRows?, progress: Progress?) throws -> ExportSummary {
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true,
                                                attributes: [.posixPermissions: 0o700])
        // Joined as NSString's appendingPathComponent joined them: no slash doubled.
        func inFolder(_ name: String) -> String { folder.isEmpty || folder.hasSuffix("/") ? folder + name : "\(folder)/\(name)" }
        var names = ExportFileNames()
        var summary = ExportSummary(tables: [], missingKeys: [], skipped: skipped)
        var manifest = ExportManifest(
            archive: URL(fileURLWithPath: archive).standardizedFileURL.path, database: reader.index.dump.database,
            dumpStartedAt: reader.index.dump.startedAt, dumpCompletedAt: reader.index.dump.completedAt,
            format: formats.count == 1 ? formats[0] : nil, formats: formats, bytea: formats.contains(.jsonl) ? bytea : nil,
            tables: [], skipped: skipped)
        for plan in plans {
            let files = formats.map { names.name(for: plan.table, format: $0) }
            let (rows, missing) = try writeAtomically(files.map(inFolder)) { sinks in
                try write(plan, reader: reader, server: server, into: sinks, progress: progress)
            }
            let expression = plan.filter?.expression
            summary.missingKeys += missing
            summary.tables.append(ExportSummary.Table(table: plan.table, rows: rows, columns: plan.columns,
                                                      files: files.map(inFolder), where: expression))
            manifest.tables.append(ExportManifest.Table(schema: plan.table.schema, name: plan.table.name,
                                                        file: files.count == 1 ? files[0] : nil, files: files,
                                                        rows: rows, columns: plan.columns, where: expression))
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        let manifestText = try encoder.encode(manifest) + Data("\n".utf8)
        try writeAtomically([inFolder(ExportManifest.fileName)]) { sinks in
            try sinks[0].write(Array(manifestText))
        }
        return summary
    }

    /// The files appear under their paths only once all are complete; a failure or
    /// Ctrl-C leaves none of them behind.
    private func writeAtomically<Result>(_ paths: [String], _ body: ([AtomicFileSink]) throws -> Result) throws -> Result {
        let sinks = try paths.map { try AtomicFileSink(path: $0) }
        let tokens = sinks.map { Interruption.register(removing: $0.temporaryPath) }
        defer { tokens.forEach(Interruption.unregister) }
        let result = try body(sinks)
        for sink in sinks { try sink.commit() }
        return result
    }

    /// Streams the plan's rows through each format's writer, one sink per format (in
    /// `formats`' order): from the archive, or with `--where` from the server that
    /// filters them.
    private func write(_ plan: ExportPlan, reader: ArchiveReader, server: ExportServerRows?, into sinks: [any ByteSink],
                       progress: Progress?) throws -> (rows: UInt64, missing: [String]) {
        defer { progress?.finish() }
        let outputs = ExportOutputs(try zip(formats, sinks).map { format, sink in
            (try writer(for: format, plan: plan, reader: reader), ExportBuffer(sink: sink))
        })
        outputs.start(columns: plan.columns)
        let result: (rows: UInt64, missing: [String])
        if let server, let filter = plan.filter {
            result = (try server.write(plan, filter: filter, reader: reader, into: outputs, progress: progress), [])
        } else {
            result = try readArchive(plan, reader: reader, into: outputs, progress: progress)
        }
        try outputs.flush()
        return result
    }

    private func writer(for format: ExportFormat, plan: ExportPlan, reader: ArchiveReader) throws -> any ExportRowWriter {
        switch format {
        case .csv: CSVWriter(encoding: reader.index.clientOnlyEncoding)
        case .jsonl: JSONLinesWriter(columns: plan.columns, kinds: plan.kinds, bytea: bytea,
                                     transcoder: try UTF8Transcoder.converting(from: reader.index.dump.settings["client_encoding"] ?? "UTF8"))
        case .sql: InsertWriter(kinds: plan.kinds, clientEncoding: reader.index.dump.settings["client_encoding"],
                                overridingSystemValue: plan.hasAlwaysIdentity)
        case .copy: CopyBlockWriter()
        }
    }

    /// The plan's sections from the archive; with `--key`, stops reading once every key is found.
    private func readArchive(_ plan: ExportPlan, reader: ArchiveReader, into outputs: ExportOutputs,
                             progress: Progress?) throws -> (rows: UInt64, missing: [String]) {
        var key = plan.key
        var rows: UInt64 = 0
        var row = ExportRow(encoding: reader.index.clientOnlyEncoding)
        let total = plan.sections.reduce(UInt64(0)) { $0 + $1.uncompressedLength }
        // Every row is written, unless --key picks a few: then the index's count is no total.
        progress?.begin("exporting", bytes: total, rows: plan.key == nil ? plan.sections.indexedRows : nil)
        progress?.set(rows: 0, active: plan.table.description)
        for section in plan.sections {
            let sectionColumns = section.columns ?? []
            let fields = try plan.fields(in: section)
            let keyFields = try key?.fields(in: section) ?? []
            var stream = SectionCopyLines(label: section.label)
            do {
                try reader.read(section) { chunk in
                    try chunk.withUnsafeBytes { bytes in
                        try stream.consume(bytes, statement: { line in
                            let statement = try ExportCopyStatement(line: line, label: section.label)
                            outputs.startBlock(statement, columns: plan.columns, sectionColumns: sectionColumns)
                        }, row: { line in
                            guard row.split(line, expecting: sectionColumns.count) else {
                                throw ArchiveError(.memberDamaged, "\(section.label) has a data line that does not hold "
                                    + "the \(sectionColumns.count) fields its COPY statement names")
                            }
                            if key?.matches(row, fields: keyFields) == false { return }
                            try outputs.write(row, fields: fields)
                            rows += 1
                            if key?.isComplete == true { throw AllKeysFound() }
                        })
                    }
                    progress?.advance(bytes: UInt64(chunk.count))
                    progress?.set(rows: rows)
                }
                try stream.finish()
                outputs.endBlock()
            } catch is AllKeysFound {
                outputs.endBlock()
                break
            }
        }
        return (rows, key?.missing ?? [])
    }

    private struct AllKeysFound: Error {}
}

/// What an export wrote.
public struct ExportSummary: Sendable {
    public struct Table: Sendable {
        public var table: QualifiedName
        public var rows: UInt64
        public var columns: [String]
        /// The files written, one per format; none for standard output.
        public var files: [String] = []
        /// The `--where` expression, as given.
        public var `where`: String?
    }

    public var tables: [Table]
    /// `--key` values that no row had, as given.
    public var missingKeys: [String]
    /// Tables that matched but hold no data in the archive (folder exports only).
    public var skipped: [QualifiedName]
}

extension ExportSummary: CommandOutcome {
    /// A `--key` value that matches no row.
    public var exitStatus: ExitStatus { missingKeys.isEmpty ? .success : .checkFailed }
}
