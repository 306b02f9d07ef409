import ArgumentParser
import FoundationEssentials
import PostgresAccess
import Recovery
import Support

struct ApplyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "apply",
        abstract: "Put one table's rows, or some rows or columns of it, back from an archive into production.",
        discussion: """
        A dry run unless --execute is given: it loads the backup's rows into a temporary table \
        inside a transaction, counts what would change (with a few keys of each kind), checks that \
        no foreign key of another table still uses a row it would delete, holds the rows it would \
        write against production's NOT NULL, UNIQUE, CHECK and FOREIGN KEY constraints, and rolls back.

        With --execute, the same transaction first locks the table against writers (readers go \
        on; --lock-timeout bounds the wait), saves the rows it will change to an undo archive \
        (--undo, or a file in the working directory), writes the difference with statements \
        pgscalpel builds itself, moves owned sequences to at least the restored maximum, compares \
        the table with the backup again, and commits only if they match.

        Modes: merge (default) writes only the difference; replace rewrites every row in scope; \
        missing re-inserts only rows deleted since the backup. --columns restores only those \
        columns of rows that exist on both sides; a column dropped in production must be added \
        back first (the refusal prints the ALTER TABLE). --where limits all of it to matching rows, \
        held against the backup's values and production's; --production-where chooses rows by \
        their values in production now (the rows damaged since the backup) and takes the backup's \
        values for them. Rows production has and the backup lacks (most likely added since the \
        backup) are deleted by merge and replace: the plan warns, with their count and keys. \
        The table is never dropped: foreign keys, views, grants and triggers stay. Triggers fire \
        as for any write; --disable-triggers turns user triggers off for the transaction (needs \
        the table's owner). Nothing from the archive runs as SQL on production: only its COPY data.

        Exit status: 0 done (or nothing to change), 1 planned, but --execute would fail: the role \
        lacks a privilege it needs, or production's constraints refuse rows it would write; 2 \
        refused or failed (nothing was changed); 3 a dry run that planned changes (nothing was \
        written: add --execute).

        Examples:
          pgscalpel apply prod.scalpel.sql.gz -t users --into postgres://app@db/prod
          pgscalpel apply prod.scalpel.sql.gz -t users --into 'dbname=prod' --mode missing --execute
          pgscalpel apply prod.scalpel.sql.gz -t users --into 'dbname=prod' --columns email --execute
          pgscalpel apply prod.scalpel.sql.gz -t orders --into 'dbname=prod' --where 'account_id = 42' --execute
          pgscalpel apply prod.scalpel.sql.gz -t users --into 'dbname=prod' --production-where 'email IS NULL' --execute
          pgscalpel apply prod.scalpel.sql.gz -t contacts --into 'dbname=prod' --key email --execute
          pgscalpel apply pgscalpel-undo-public.users-….scalpel.sql.gz -t users --into 'dbname=prod' --mode replace --execute
        """)

    @Argument(help: "The indexed archive (or an undo archive that apply wrote).")
    var archive: String

    @Option(name: [.customShort("t"), .customLong("table")], help: "The table: NAME or SCHEMA.NAME.")
    var table: String

    @Option(help: ArgumentHelp("The database to write: a conninfo string, a postgres:// URI or a database name.",
                               valueName: "CONN"))
    var into: String

    @Option(help: ArgumentHelp("Match rows on these columns (comma-separated) instead of the primary key; "
                               + "they must be unique and not null on both sides.", valueName: "names"))
    var key: String?

    @Option(help: "What to write: merge (the difference), replace (every row in scope) or missing (deleted rows only).")
    var mode: Apply.Mode = .merge

    @Option(help: ArgumentHelp("Restore only these columns of matched rows (comma-separated).", valueName: "names"))
    var columns: String?

    @Option(name: .customLong("where"),
            help: ArgumentHelp("Only rows for which this SQL boolean expression holds.", valueName: "SQL"))
    var whereClause: String?

    @Option(name: .customLong("production-where"),
            help: ArgumentHelp("Only rows whose values in production now make this SQL boolean expression hold "
                               + "(the rows damaged since the backup); the backup's values are taken for them.",
                               valueName: "SQL"))
    var productionWhere: String?

    @Flag(help: "Write. Without it, apply only plans and rolls back.")
    var execute = false

    @Option(help: ArgumentHelp("Where to save the rows before they change (default: a new file in the working directory).",
                               valueName: "PATH"))
    var undo: String?

    @Option(name: .customLong("lock-timeout"), parsing: .unconditional, help: ArgumentHelp("How long to wait for the table's lock.", valueName: "DURATION"))
    var lockTimeout = "10s"

    @Option(name: .customLong("statement-timeout"), parsing: .unconditional,
            help: ArgumentHelp("Cancel any statement running longer (PostgreSQL duration, e.g. 5min).", valueName: "DURATION"))
    var statementTimeout: String?

    @Flag(name: .customLong("disable-triggers"), help: "Turn the table's user triggers off for the transaction.")
    var disableTriggers = false

    @Flag(help: "Print the report as JSON.")
    var json = false

    @OptionGroup var progress: ProgressOptions

    func validate() throws {
        if columns != nil && mode == .missing {
            throw ValidationError("--columns restores columns of existing rows; --mode missing inserts whole rows: not both")
        }
        if into.trimmingWhitespace().isEmpty {
            throw ValidationError("--into needs the database to write (a blank one would be libpq's default)")
        }
        if undo != nil && !execute { throw ValidationError("--undo goes with --execute (a dry run changes nothing)") }
        for (option, value) in [("--lock-timeout", lockTimeout), ("--statement-timeout", statementTimeout)] {
            if let value, let problem = PostgresDuration.problem(value, option: option) { throw ValidationError(problem) }
        }
    }

    func run() throws {
        var apply = Apply(archive: archive, table: try TablePattern(table), target: try ConnectionTarget(into))
        apply.mode = mode
        apply.key = try key.map { try CommaList.columnNames($0, option: "--key") }
        apply.columns = try columns.map { try CommaList.columnNames($0) }
        apply.whereClause = whereClause
        apply.productionWhere = productionWhere
        apply.execute = execute
        apply.undoPath = undo
        apply.lockTimeout = lockTimeout
        apply.statementTimeout = statementTimeout
        apply.disableTriggers = disableTriggers
        let report = try apply.run(progress: progress.meter("apply"))
        if json {
            try writeStandardOutput(try jsonText(report))
            return try report.requireSuccess()
        }
        var undoCommand: String?
        if let path = report.undoArchive {
            undoCommand = ["pgscalpel", "apply", path, "-t", report.table, "--into", into, "--mode", "replace", "--execute"]
                .map(\.shellQuoted).joined(separator: " ")
        }
        try writeStandardOutput(report.renderText(undoCommand: undoCommand))
        try report.requireSuccess()
    }
}
