import PostgresAccess
import ScalpelArchive
import Support

/// The session `export --where` reads rows through. One read-only snapshot serves
/// every table, and the session has the settings the archive's COPY text was
/// written under, so the server's COPY text for a row is byte for byte the
/// archive's and goes through the same writers as a serverless export.
final class ExportServerRows {
    private let connection: Connection

    /// The session settings that shape COPY text: dates, intervals, floats, time
    /// zone, bytea, encoding.
    private static let dataSettings = ["DateStyle", "IntervalStyle", "extra_float_digits", "TimeZone", "bytea_output",
                                       "client_encoding"]

    /// Fails, before any row is read, when the database lacks one of the tables.
    init(target: ConnectionTarget, plans: [ExportPlan], settings: [String: String]) throws {
        connection = try Connection(target)
        try connection.execute("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY")
        // Quotes in the expressions were checked as standard strings. One worker,
        // scanning from the start, returns a freshly loaded table's rows in the
        // order they were loaded: the archive's, as a serverless export writes them.
        var session = ["standard_conforming_strings": "on", "max_parallel_workers_per_gather": "0",
                       "synchronize_seqscans": "off"]
        for name in Self.dataSettings { session[name] = settings[name] }
        for (name, value) in session.sorted(by: { $0.key < $1.key }) {
            try connection.execute("SELECT pg_catalog.set_config($1, $2, true)", [name, value])
        }
        for table in Set(plans.flatMap { plan in plan.sections.map { $0.table ?? plan.table } }) {
            guard try connection.execute("SELECT pg_catalog.to_regclass($1)", [table.sqlIdentifier])[0, 0] != nil else {
                throw UsageError("\(table) is not in the sidecar database: restore it there first "
                    + "(pgscalpel restore ARCHIVE -t \(try TablePattern(exactly: table)) --into CONN)")
            }
        }
    }

    /// Writes the rows of each of the plan's sections that satisfy `filter`, block by
    /// block as the archive holds them: a partition's rows are read through its
    /// parent, where the expression is written for.
    func write(_ plan: ExportPlan, filter: WhereExpression, reader: ArchiveReader, into outputs: ExportOutputs,
               progress: Progress?) throws -> UInt64 {
        let list = plan.columns.map(\.sqlIdentifier).joined(separator: ", ")
        let table = plan.table.sqlIdentifier
        let fields = Array(plan.columns.indices)
        var rows: UInt64 = 0
        progress?.begin("exporting")
        progress?.set(rows: 0, active: plan.table.description)
        // The session's client_encoding is the dump's, so its COPY text steps the same way.
        var row = ExportRow(encoding: reader.index.clientOnlyEncoding)
        for section in plan.sections {
            let statement = try Self.copyStatement(of: section, reader: reader)
            outputs.startBlock(statement, columns: plan.columns, sectionColumns: section.columns ?? [])
            let source = switch section.table {
            case let partition? where partition != plan.table:
                "\(table) WHERE tableoid = \(partition.sqlIdentifier.sqlLiteral)::pg_catalog.regclass AND"
            default:
                "ONLY \(table) WHERE"
            }
            do {
                // One row a call, with its line feed; the server writes exactly the columns asked for.
                try connection.copyOut("COPY (SELECT \(list) FROM \(source) \(filter.condition)) TO STDOUT") { line in
                    _ = row.split(UnsafeRawBufferPointer(rebasing: line.dropLast()), expecting: fields.count)
                    try outputs.write(row, fields: fields)
                    rows += 1
                    if rows % 4096 == 0 { progress?.set(rows: rows) }
                }
            } catch let error as PostgresError where Self.isTheStatements(error) {
                throw UsageError("--where \(filter.expression): \(error.message)")
            }
            outputs.endBlock()
        }
        return rows
    }

    /// An error the statement raised (bad syntax, an unknown column or function, a
    /// failing cast or division), not the connection or the server giving out.
    private static func isTheStatements(_ error: PostgresError) -> Bool {
        guard let state = error.sqlState else { return false }
        return !["08", "53", "57", "58", "XX"].contains(String(state.prefix(2)))
    }

    /// The section's COPY line, whose spellings the `sql` and `copy` writers repeat:
    /// read from its first member, the rows left unread.
    private static func copyStatement(of section: Section, reader: ArchiveReader) throws -> ExportCopyStatement {
        var found: ExportCopyStatement?
        var lines = SectionCopyLines(label: section.label)
        do {
            try reader.read(section) { chunk in
                try chunk.withUnsafeBytes { bytes in
                    try lines.consume(bytes, statement: { line in
                        found = try ExportCopyStatement(line: line, label: section.label)
                        throw StatementFound()
                    }, row: { _ in })
                }
            }
        } catch is StatementFound {}
        guard let found else { throw ArchiveError.noCopyData(in: section.label) }
        return found
    }

    private struct StatementFound: Error {}
}
