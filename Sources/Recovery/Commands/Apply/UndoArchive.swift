import FoundationEssentials
import PostgresAccess
import ScalpelArchive
import Support

/// The rows `apply` is about to change, saved before it changes them, as an
/// indexed archive like any other: `apply UNDO -t TABLE --mode replace --execute`
/// puts them back, `diff`, `export` and `restore` read it, and `gunzip -c | psql`
/// recreates what it holds in an empty database. It holds only the rows `apply`
/// updates or deletes, as they were, plus the keys of the rows it inserts (in the
/// pseudo-table `pgscalpel_undo.inserted_keys`); its index's `undo` scope tells a
/// later `apply` to touch only those rows. Written in pg_dump's plain format from
/// production's catalog and COPYs of the rows, and committed to disk before the
/// first write.
struct UndoArchive {
    static let insertedKeys = QualifiedName(schema: "pgscalpel_undo", name: "inserted_keys")

    let path: String
    let table: QualifiedName
    let live: LiveTable
    let key: [String]
    let owner: String
    /// The columns saved: every stored (not generated) column, in table order.
    var columns: [LiveTable.Column] { live.columns.filter { !$0.isGenerated } }

    /// Saves what `rows` (a `COPY (SELECT ...) TO STDOUT` of `columns`) and
    /// `insertedKeys` (one of the key columns) return; returns the row count. The
    /// file appears under `path` only once complete.
    func write(rows: String, insertedKeys: String?, on connection: Connection, settings: [(String, String)],
               database: String?, progress: Progress?) throws -> Int {
        let started = Date()
        let sink = try AtomicFileSink(path: path, replacing: false)
        let token = Interruption.register(removing: sink.temporaryPath)
        defer { Interruption.unregister(token) }
        do {
            let builder = try ArchiveBuilder(sink: sink)
            try feed(header(settings: settings), to: builder)
            let saved = try copy(rows, on: connection, into: builder, progress: progress)
            try feed(keysHeader(), to: builder)
            if let insertedKeys { _ = try copy(insertedKeys, on: connection, into: builder, progress: progress) }
            try feed(footer(), to: builder)
            var known: [String: String] = [:]
            for (name, value) in settings { known[name] = value }
            var dump = DumpInfo(database: database, serverVersion: connection.parameterStatus("server_version"),
                                startedAt: isoTimestamp(started), completedAt: isoTimestamp(Date()), settings: known)
            dump.undo = UndoScope(table: table, key: key, insertedKeys: Self.insertedKeys)
            _ = try builder.finish(dump: dump)
            try sink.commit()
            return saved
        } catch {
            sink.discard()
            throw error
        }
    }

    private func copy(_ query: String, on connection: Connection, into builder: ArchiveBuilder, progress: Progress?) throws -> Int {
        var buffer: [UInt8] = []
        let rows = try connection.copyOut(query) { row in
            buffer.append(bytes: row)
            if buffer.count >= 1 << 20 {
                try feed(buffer, to: builder)
                buffer.removeAll(keepingCapacity: true)
                progress?.set(bytes: builder.bytesIn)
            }
        }
        try feed(buffer, to: builder)
        return rows
    }

    private func feed(_ bytes: [UInt8], to builder: ArchiveBuilder) throws {
        try bytes.withUnsafeBytes { try builder.consume($0) }
    }

    private func entry(_ table: QualifiedName, _ type: String) -> String {
        let name = type == "SCHEMA" ? table.schema ?? "" : table.name
        let schema = type == "SCHEMA" ? "-" : table.schema ?? "public"
        return "--\n-- \(type == "TABLE DATA" ? "Data for Name" : "Name"): \(name); Type: \(type); Schema: \(schema); Owner: \(owner)\n--\n\n"
    }

    private func definitions(_ columns: [LiveTable.Column]) -> String {
        columns.map { "    \($0.name.sqlIdentifier) \($0.typeText)" }.joined(separator: ",\n")
    }

    private func names(_ columns: [LiveTable.Column]) -> String {
        columns.map(\.name.sqlIdentifier).joined(separator: ", ")
    }

    private var keyColumns: [LiveTable.Column] {
        key.compactMap { live[column: $0] }
    }

    /// From the dump's opening comment to the COPY line of the saved rows.
    private func header(settings: [(String, String)]) -> [UInt8] {
        let name = table.sqlIdentifier(defaultSchema: "public")
        let keys = Self.insertedKeys.sqlIdentifier
        let encoding = settings.first { $0.0 == "client_encoding" }?.1 ?? "UTF8"
        var text = "--\n-- PostgreSQL database dump\n--\n\n"
        text += "-- pgscalpel apply: the rows of \(table) that an apply changed, as they were\n\n"
        text += "SET client_encoding = \(encoding.sqlLiteral);\nSET standard_conforming_strings = on;\n\n"
        text += entry(Self.insertedKeys, "SCHEMA")
        text += "CREATE SCHEMA \((Self.insertedKeys.schema ?? "").sqlIdentifier);\n\n\n"
        text += entry(table, "TABLE")
        text += "CREATE TABLE \(name) (\n\(definitions(columns))\n);\n\n\n"
        text += entry(Self.insertedKeys, "TABLE")
        text += "CREATE TABLE \(keys) (\n\(definitions(keyColumns))\n);\n\n\n"
        text += entry(table, "TABLE DATA")
        text += "COPY \(name) (\(names(columns))) FROM stdin;\n"
        return Array(text.utf8)
    }

    /// The end of the saved rows, up to the COPY line of the inserted keys.
    private func keysHeader() -> [UInt8] {
        let text = "\\.\n\n\n" + entry(Self.insertedKeys, "TABLE DATA")
            + "COPY \(Self.insertedKeys.sqlIdentifier) (\(names(keyColumns))) FROM stdin;\n"
        return Array(text.utf8)
    }

    /// The end of the keys, the primary key, and the dump's closing comment.
    private func footer() -> [UInt8] {
        var text = "\\.\n\n\n"
        let constraint = "\(table.name)_pkey"
        text += "--\n-- Name: \(table.name) \(constraint); Type: CONSTRAINT; Schema: \(table.schema ?? "public"); Owner: \(owner)\n--\n\n"
        text += "ALTER TABLE ONLY \(table.sqlIdentifier(defaultSchema: "public"))\n"
        text += "    ADD CONSTRAINT \(constraint.sqlIdentifier) PRIMARY KEY (\(key.map(\.sqlIdentifier).joined(separator: ", ")));\n\n\n"
        text += "--\n-- PostgreSQL database dump complete\n--\n\n"
        return Array(text.utf8)
    }
}
