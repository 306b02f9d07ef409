import ArgumentParser
import Recovery

struct CatCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "cat",
        abstract: "Write one table's SQL (definition, data, indexes, constraints, ...) to standard output.",
        discussion: """
        Reads only the members that hold the table. The output runs in psql as it is.

        Examples:
          pgscalpel cat prod.scalpel.sql.gz -t users > users.sql
          pgscalpel cat prod.scalpel.sql.gz -t billing.invoices -a | psql sidecar
          pgscalpel cat prod.scalpel.sql.gz -t '"Mixed Case"' --schema-only
        """)

    @Argument(help: "The indexed archive.")
    var archive: String

    @Option(name: [.customShort("t"), .customLong("table")], help: "The table: NAME or SCHEMA.NAME (repeatable).")
    var tables: [String] = []

    @Flag(name: [.customShort("a"), .customLong("data-only")], help: "Only the table's data (its COPY block).")
    var dataOnly = false

    @Flag(name: [.customShort("s"), .customLong("schema-only")], help: "Only the table's definition, indexes, constraints, ...")
    var schemaOnly = false

    func validate() throws {
        guard !tables.isEmpty else { throw ValidationError("name a table with -t") }
        guard !(dataOnly && schemaOnly) else { throw ValidationError("--data-only and --schema-only cannot be used together") }
    }

    func run() throws {
        let part: TableExtract.Part = dataOnly ? .dataOnly : schemaOnly ? .schemaOnly : .all
        try TableExtract.write(archive: archive, tables: try tables.map(TablePattern.init), part: part,
                               to: writeStandardOutput)
    }
}
