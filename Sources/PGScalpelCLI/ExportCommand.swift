import ArgumentParser
import PostgresAccess
import Recovery

struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Write a table's rows as CSV, JSON Lines, INSERT statements or COPY, with no server unless --where.",
        discussion: """
        Decodes the rows from the archive's COPY data, reading only the members that hold them. \
        CSV is byte for byte what COPY ... TO STDOUT (FORMAT csv, HEADER) writes. JSON Lines types \
        values from the table's definition in the archive: numbers, booleans, null, json and jsonb \
        embedded, arrays as arrays, bytea as hex text or base64, everything else as strings.

        --key compares text: the given values must equal the key columns as the dump wrote them \
        (42 for an integer, the exact text for a text key, timestamps as the dump spells them). \
        Exit status 1 when a --key value matches no row.

        --where takes any PostgreSQL boolean expression over the table's columns, so a server \
        evaluates it: with --sidecar auto (the default) a sidecar of its own, into which just the \
        chosen tables are restored and which is removed afterwards; or, with --sidecar CONN, a \
        database the tables were already restored into (pgscalpel restore --into), which is only \
        read. Rows are read in one read-only transaction under the dump's session settings, and \
        every format is what the same rows give without a server. Give one --where per -t, in \
        the same order; a -t that matches several tables applies its --where to each. Not with --key.

        Examples:
          pgscalpel export prod.scalpel.sql.gz -t users -o users.csv
          pgscalpel export prod.scalpel.sql.gz -t users --key 42 --key 43 --format jsonl
          pgscalpel export prod.scalpel.sql.gz -t line_items --key 1001,3 --format sql | psql db
          pgscalpel export prod.scalpel.sql.gz -t users --where "created_at > now() - interval '1 day'" --format csv,jsonl -o evidence/
          pgscalpel export prod.scalpel.sql.gz -t users --columns id,email
          pgscalpel export prod.scalpel.sql.gz -t 'billing.*' -o billing-export/
          pgscalpel export prod.scalpel.sql.gz -t users --where "lower(name) = 'ann'"
          pgscalpel export prod.scalpel.sql.gz -t a --where 'n>1' -t b --where 'n<2' -o d/
          pgscalpel export prod.scalpel.sql.gz -t users --where 'id < 9' --sidecar scratch
        """)

    @Argument(help: "The indexed archive.")
    var archive: String

    @Option(name: [.customShort("t"), .customLong("table")], help: "The table: NAME or SCHEMA.NAME (repeatable).")
    var tables: [String] = []

    // .unconditionalSingleValue: a key may be negative (`--key -5`).
    @Option(parsing: .unconditionalSingleValue,
            help: ArgumentHelp("Only the rows with this primary key (comma-separated for a composite key; repeatable).",
                               valueName: "values"))
    var key: [String] = []

    @Option(name: .customLong("where"),
            help: ArgumentHelp("Only the rows for which this SQL expression is true (one per -t, in order).",
                               valueName: "expression"))
    var wheres: [String] = []

    @Option(help: ArgumentHelp("With --where: 'auto' for a sidecar, or the database (conninfo or URI) "
                               + "the tables were restored into.", valueName: "CONN|auto"))
    var sidecar: String?

    @Option(help: ArgumentHelp("Only these columns, in this order (comma-separated).", valueName: "names"))
    var columns: String?

    @Option(help: ArgumentHelp("csv, jsonl, sql (INSERT statements) or copy (the dump's COPY block); several "
                               + "(csv,jsonl or repeated) into a folder, from one read of the rows.", valueName: "format"))
    var format: [ExportFormatList] = []

    var formats: [ExportFormat] { format.isEmpty ? [.csv] : format.flatMap(\.formats) }

    // -f/--file as pg_dump and pg_restore spell it; -o/--output as most tools do.
    @Option(name: [.customShort("o"), .customLong("output"), .customShort("f"), .customLong("file")],
            help: "Write to this file (atomically), or into this folder: one file per table and manifest.json.")
    var output: String?

    @Option(help: "How JSON Lines writes bytea: hex or base64.")
    var bytea: ExportFormat.Bytea = .hex

    @OptionGroup var progress: ProgressOptions
    @OptionGroup var programs: ServerChoiceOptions

    func validate() throws {
        guard !tables.isEmpty else { throw ValidationError("name a table with -t") }
        if bytea != .hex && !formats.contains(.jsonl) { throw ValidationError("--bytea applies to --format jsonl") }
        if formats.count > 1 && output == nil {
            throw ValidationError("\(formats.count) formats need -o FOLDER: one file per table and format")
        }
        if let twice = formats.first(where: { format in formats.filter { $0 == format }.count > 1 }) {
            throw ValidationError("--format \(twice.rawValue) is given twice")
        }
        if sidecar != nil && wheres.isEmpty { throw ValidationError("--sidecar goes with --where") }
    }

    func run() throws {
        var export = Export(archive: archive, tables: try tables.map(TablePattern.init))
        export.formats = formats
        export.bytea = bytea
        export.columns = try columns.map { try CommaList.columnNames($0) }
        export.keys = key
        export.wheres = wheres
        export.binaries = programs.choice
        if let sidecar, sidecar != "auto" { export.sidecar = .database(try ConnectionTarget(sidecar)) }
        export.output = output
        let summary = try export.run(progress: progress.meter("export"))
        for missing in summary.missingKeys {
            writeStandardError(printable("pgscalpel: no row with key \(missing) in \(summary.tables[0].table)") + "\n")
        }
        for table in summary.skipped {
            writeStandardError(printable("pgscalpel: \(table) has no data in the archive, skipped") + "\n")
        }
        try summary.requireSuccess()
    }
}
