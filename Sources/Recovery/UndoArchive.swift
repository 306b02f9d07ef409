#if canImport(Glibc)
import Glibc
#endif
import Foundation
import PostgresAccess
import ScalpelArchive

/// The table `apply` is about to change, every row of it, saved before it changes
/// them, as an indexed archive like any other: `apply UNDO -t TABLE --mode replace
/// --execute` puts them back, `diff`, `export` and `restore` read it, and `gunzip -c | psql`
/// recreates the table in an empty database. It is written in pg_dump's plain
/// format (the table, its rows as COPY, its primary key), from production's
/// catalog and a COPY of the rows, and committed to disk before the first write.
struct UndoArchive {
    let path: String
    let table: RelationName
    let live: LiveTable
    let owner: String
    /// The columns saved: every stored (not generated) column, in table order.
    var columns: [LiveTable.Column] { live.columns.filter { !$0.isGenerated } }

    /// Saves what `select` (a `COPY (SELECT ...) TO STDOUT` of `columns`) returns
    /// and returns the row count. The file appears under `path` only once complete.
    func write(select: String, on connection: Connection, settings: [(String, String)],
               database: String?, progress: Progress?) throws -> Int {
        let started = Date()
        let sink = try AtomicFileSink(path: path)
        let token = Interruption.register { [temporary = sink.temporaryPath] in unlink(temporary) }
        defer { Interruption.unregister(token) }
        do {
            let builder = try ArchiveBuilder(sink: sink)
            try feed(try header(on: connection, settings: settings), to: builder)
            var buffer: [UInt8] = []
            let rows = try connection.copyOut(select) { row in
                buffer.append(bytes: row)
                if buffer.count >= 1 << 20 {
                    try feed(buffer, to: builder)
                    buffer.removeAll(keepingCapacity: true)
                    progress?.update("saving the rows to change: \(formatBytes(builder.bytesIn))")
                }
            }
            try feed(buffer, to: builder)
            try feed(try footer(on: connection), to: builder)
            var known: [String: String] = [:]
            for (name, value) in settings { known[name] = value }
            _ = try builder.finish(dump: DumpInfo(
                database: database, serverVersion: connection.parameterStatus("server_version"),
                startedAt: isoTimestamp(started), completedAt: isoTimestamp(Date()), settings: known))
            try sink.commit()
            return rows
        } catch {
            sink.discard()
            throw error
        }
    }

    private func feed(_ bytes: [UInt8], to builder: ArchiveBuilder) throws {
        try bytes.withUnsafeBytes { try builder.consume($0) }
    }

    private func qualified(on connection: Connection) throws -> String {
        try connection.quoteIdentifier(table.schema ?? "public") + "." + connection.quoteIdentifier(table.name)
    }

    /// From the dump's opening comment to the COPY line of the rows.
    private func header(on connection: Connection, settings: [(String, String)]) throws -> [UInt8] {
        let name = try qualified(on: connection)
        let encoding = settings.first { $0.0 == "client_encoding" }?.1 ?? "UTF8"
        let definitions = try columns.map { column in
            "    \(try connection.quoteIdentifier(column.name)) \(column.typeText)"
        }
        let names = try columns.map { try connection.quoteIdentifier($0.name) }.joined(separator: ", ")
        let entry = "Schema: \(table.schema ?? "public"); Owner: \(owner)"
        let text = """
            --
            -- PostgreSQL database dump
            --

            -- pgscalpel apply: the rows of \(table) before an apply changed them

            SET client_encoding = \(try connection.quoteLiteral(encoding));
            SET standard_conforming_strings = on;

            --
            -- Name: \(table.name); Type: TABLE; \(entry)
            --

            CREATE TABLE \(name) (
            \(definitions.joined(separator: ",\n"))
            );


            --
            -- Data for Name: \(table.name); Type: TABLE DATA; \(entry)
            --

            COPY \(name) (\(names)) FROM stdin;

            """
        return Array(text.utf8)
    }

    /// The end of the rows, the primary key, and the dump's closing comment.
    private func footer(on connection: Connection) throws -> [UInt8] {
        var text = "\\.\n\n\n"
        if let key = live.primaryKey {
            let constraint = "\(table.name)_pkey"
            text += """
                --
                -- Name: \(table.name) \(constraint); Type: CONSTRAINT; Schema: \(table.schema ?? "public"); Owner: \(owner)
                --

                ALTER TABLE ONLY \(try qualified(on: connection))
                    ADD CONSTRAINT \(try connection.quoteIdentifier(constraint)) PRIMARY KEY (\(try key.map { try connection.quoteIdentifier($0) }.joined(separator: ", ")));


                """
        }
        text += "--\n-- PostgreSQL database dump complete\n--\n\n"
        return Array(text.utf8)
    }
}
