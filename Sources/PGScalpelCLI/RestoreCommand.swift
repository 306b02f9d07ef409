import ArgumentParser
import PostgresAccess
import Recovery

struct RestoreCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "restore",
        abstract: "Restore tables, with what they need, from an archive into a database or a sidecar.",
        discussion: """
        Brings each table's schema, types, domains, sequences, functions and extensions, \
        its partitions, data (COPY, or a dump's INSERTs, streamed from the archive), indexes, constraints, \
        triggers, policies, comments and grants. Foreign keys come only when both tables \
        are restored. Refuses a database that has one of the tables already, unless \
        --clean, which drops exactly those tables. Into a database, the restore (with \
        --clean's DROP) is one transaction, over one connection whatever -j says: a \
        failure, the server stopping included, leaves the database as it was, and the \
        same restore can run again. Meant for a sidecar, not production.

        With --into auto, restores into a sidecar, prints its connection string \
        on standard output and keeps it until Ctrl-C, which removes it; with --keep the \
        server stays after pgscalpel exits, and the command to stop and remove it is printed.

        With --all, restores the whole archive into an empty database, as gunzip -c FILE | psql \
        would, loading data and building indexes over -j connections. A statement that fails is \
        reported and passed over, as psql and pg_restore pass it over, and the exit status is 1; \
        --exit-on-error stops at the first instead (exit status 2). With --create, --into names \
        the database to connect to (postgres, say) and the archive's database (or --create-name's) \
        is created there first; one that exists already is refused.

        Examples:
          pgscalpel restore prod.scalpel.sql.gz -t users --into auto
          pgscalpel restore prod.scalpel.sql.gz -t users --into auto --keep
          pgscalpel restore prod.scalpel.sql.gz -t 'billing.*' --into 'dbname=scratch' -j 4
          pgscalpel restore prod.scalpel.sql.gz -t users --into postgres://me@sidecar/x --clean
          pgscalpel restore prod.scalpel.sql.gz --all --into 'dbname=empty' -j 4
          pgscalpel restore prod.scalpel.sql.gz --all --create --into 'dbname=postgres' -j 4
        """)

    @Argument(help: "The indexed archive.")
    var archive: String

    @Option(name: [.customShort("t"), .customLong("table")], help: "A table: NAME or SCHEMA.NAME, a pattern as pg_dump -t takes (repeatable).")
    var tables: [String] = []

    @Flag(help: "The whole archive, into an empty database.")
    var all = false

    // -d/--dbname as pg_restore spells the database it restores into.
    @Option(name: [.customLong("into"), .customShort("d"), .customLong("dbname")],
            help: ArgumentHelp("Target database (conninfo or URI), or 'auto' for a sidecar pgscalpel starts and removes.", valueName: "CONN|auto"))
    var into: String

    @Flag(name: [.customShort("s"), .customLong("schema-only")], help: "Only definitions, indexes, constraints, ...; no data.")
    var schemaOnly = false

    @Flag(name: [.customShort("a"), .customLong("data-only")], help: "Only data, into existing empty tables.")
    var dataOnly = false

    @Flag(name: [.customShort("c"), .customLong("clean")], help: "Replace the tables if the target has them (nothing else), in one transaction.")
    var clean = false

    // .unconditional: `-j -1` is a value to refuse, not a missing one.
    @Option(name: [.customShort("j"), .customLong("jobs")], parsing: .unconditional,
            help: "Connections loading data at once (one when the restore is one transaction: -t into a database, without -a).")
    var jobs = 1

    @Flag(help: "With --into auto: leave the server running after pgscalpel exits.")
    var keep = false

    // -C/--create as pg_restore spells it: --into names the database to connect to.
    @Flag(name: [.customShort("C"), .customLong("create")],
          help: "With --all: create the archive's database first (connecting to the one --into names), as pg_restore --create does.")
    var create = false

    @Option(help: ArgumentHelp("With --all: create the database under this name instead of the archive's (implies --create).",
                               valueName: "NAME"))
    var createName: String?

    @Flag(help: "With --all: stop at the first statement that fails, as pg_restore --exit-on-error does.")
    var exitOnError = false

    @Flag(help: "Print the report as JSON.")
    var json = false

    @OptionGroup var progress: ProgressOptions
    @OptionGroup var programs: ServerChoiceOptions

    func validate() throws {
        guard !all || (tables.isEmpty && !schemaOnly && !dataOnly && !clean) else {
            throw ValidationError("--all restores everything: not with -t, --schema-only, --data-only or --clean")
        }
        guard all || !tables.isEmpty else { throw ValidationError("name a table with -t, or restore everything with --all") }
        guard !(dataOnly && schemaOnly) else { throw ValidationError("--data-only and --schema-only cannot be used together") }
        guard !(dataOnly && clean) else { throw ValidationError("--clean drops tables, --data-only loads into existing ones: not both") }
        guard jobs >= 1 else { throw ValidationError("-j needs at least 1") }
        guard !keep || into == "auto" else { throw ValidationError("--keep goes with --into auto") }
        guard !exitOnError || all else { throw ValidationError("--exit-on-error goes with --all") }
        guard !(create || createName != nil) || all else { throw ValidationError("--create goes with --all") }
        guard !(create || createName != nil) || into != "auto" else {
            throw ValidationError("--create needs --into CONN: --into auto makes its own server and database")
        }
        guard createName?.isEmpty != true else { throw ValidationError("--create-name needs a database name") }
    }

    func run() throws {
        if all {
            var restore = RestoreAll(archive: archive, jobs: jobs)
            restore.exitOnError = exitOnError
            restore.progress = progress.meter("restore")
            restore.binaries = programs.choice
            restore.create = create || createName != nil
            restore.createName = createName
            return try execute(restore.run(into:), inSidecar: restore.runInSidecar, render: { $0.renderText() })
        }
        var restore = Restore(archive: archive, options: .init(
            tables: try tables.map(TablePattern.init), part: dataOnly ? .dataOnly : schemaOnly ? .schemaOnly : .all,
            clean: clean, jobs: jobs))
        restore.progress = progress.meter("restore")
        restore.binaries = programs.choice
        try execute(restore.run(into:), inSidecar: restore.runInSidecar, render: { $0.renderText() })
    }

    /// Runs either kind of restore into the database given, or into a sidecar
    /// server, and exits with the report's status.
    private func execute<Report: Encodable & CommandOutcome>(
        _ restore: (ConnectionTarget) throws -> Report,
        inSidecar: (Bool, (Report, String, String?) throws -> Void) throws -> Void,
        render: @escaping (Report) -> String
    ) throws {
        guard into == "auto" else {
            let report = try restore(try ConnectionTarget(into))
            try writeStandardOutput(json ? try jsonText(report) : render(report))
            return try report.requireSuccess()
        }
        var status = ExitStatus.success
        try inSidecar(keep) { report, conninfo, stopCommand in
            status = report.exitStatus
            try announce(json ? try jsonText(report) : render(report), conninfo: conninfo, stopCommand: stopCommand)
        }
        if status != .success { throw ExitCode(status.rawValue) }
    }

    /// The sidecar is ready: the report (JSON on standard output, or text on
    /// standard error with the connection string on standard output) and how it ends.
    private func announce(_ report: String, conninfo: String, stopCommand: String?) throws {
        if json {
            try writeStandardOutput(report)
        } else {
            writeStandardError(report)
            try writeStandardOutput(conninfo + "\n")
        }
        if let stopCommand {
            writeStandardError("restore: the server keeps running; stop and remove it with:\n  \(stopCommand)\n")
        } else {
            writeStandardError("restore: the server runs until Ctrl-C, which stops it and removes it\n")
        }
    }
}
