import ArgumentParser
import PostgresAccess
import Recovery

extension PGScalpel {
    struct Restore: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Restore tables, with what they need, from an archive into a database or a throwaway server.",
            discussion: """
            Brings each table's schema, types, domains, sequences, functions and extensions, \
            its partitions, data (COPY, streamed from the archive), indexes, constraints, \
            triggers, policies, comments and grants. Foreign keys come only when both tables \
            are restored. Refuses a database that has one of the tables already, unless \
            --clean, which drops exactly those tables. Meant for a sidecar, not production.

            With --into auto, restores into a throwaway server, prints its connection string \
            on standard output and keeps it until Ctrl-C, which removes it; with --keep the \
            server stays after pgscalpel exits, and the command to stop and remove it is printed.

            Examples:
              pgscalpel restore prod.scalpel.sql.gz -t users --into auto
              pgscalpel restore prod.scalpel.sql.gz -t users --into auto --keep
              pgscalpel restore prod.scalpel.sql.gz -t 'billing.*' --into 'dbname=scratch' -j 4
              pgscalpel restore prod.scalpel.sql.gz -t users --into postgres://me@sidecar/x --clean
            """)

        @Argument(help: "The indexed archive.")
        var archive: String

        @Option(name: [.customShort("t"), .customLong("table")], help: "A table: NAME or SCHEMA.NAME, * and ? as wildcards (repeatable).")
        var tables: [String] = []

        @Option(name: .customLong("into"),
                help: ArgumentHelp("Target database (conninfo or URI), or 'auto' for a throwaway server.", valueName: "CONN|auto"))
        var into: String

        @Flag(name: [.customShort("s"), .customLong("schema-only")], help: "Only definitions, indexes, constraints, ...; no data.")
        var schemaOnly = false

        @Flag(name: [.customShort("a"), .customLong("data-only")], help: "Only data, into existing empty tables.")
        var dataOnly = false

        @Flag(name: [.customShort("c"), .customLong("clean")], help: "Drop the tables first if the target has them (nothing else).")
        var clean = false

        @Option(name: [.customShort("j"), .customLong("jobs")], help: "Connections loading data at once.")
        var jobs = 1

        @Flag(help: "With --into auto: leave the server running after pgscalpel exits.")
        var keep = false

        @Flag(help: "Print the report as JSON.")
        var json = false

        func validate() throws {
            guard !tables.isEmpty else { throw ValidationError("name a table with -t") }
            guard !(dataOnly && schemaOnly) else { throw ValidationError("--data-only and --schema-only cannot be used together") }
            guard !(dataOnly && clean) else { throw ValidationError("--clean drops tables, --data-only loads into existing ones: not both") }
            guard jobs >= 1 else { throw ValidationError("-j needs at least 1") }
            guard !keep || into == "auto" else { throw ValidationError("--keep goes with --into auto") }
        }

        func run() throws {
            let restore = Recovery.Restore(archive: archive, options: .init(
                tables: try tables.map(TablePattern.init), part: dataOnly ? .dataOnly : schemaOnly ? .schemaOnly : .all,
                clean: clean, jobs: jobs))
            guard into == "auto" else {
                let report = try restore.run(into: try ConnectionTarget(into))
                try writeStandardOutput(json ? try jsonText(report) : report.renderText())
                return
            }
            try restore.runInSidecar(keep: keep) { report, conninfo, stopCommand in
                if json {
                    try writeStandardOutput(try jsonText(report))
                } else {
                    writeStandardError(report.renderText())
                    try writeStandardOutput(conninfo + "\n")
                }
                if let stopCommand {
                    writeStandardError("restore: the server keeps running; stop and remove it with:\n  \(stopCommand)\n")
                } else {
                    writeStandardError("restore: the server runs until Ctrl-C, which stops it and removes it\n")
                }
            }
        }
    }
}
