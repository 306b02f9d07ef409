import ArgumentParser
import PostgresAccess
import Recovery
import Support

struct DiffCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "diff",
        abstract: "Compare a table in an archive with the same table in production, row by row.",
        discussion: """
        Rows are matched by the primary key (the archive's, else production's; --key overrides); \
        a table with no key is compared as a multiset of whole rows. Reports rows deleted since \
        the backup, rows inserted since, and changed rows with each changed column's two values; \
        a summary first, then up to --limit differences. Columns added, dropped, renamed or \
        retyped in production are reported as schema drift and the comparison goes on over the \
        columns both sides share.

        Both sides are read under the archive's session settings, sorted by the key, and merged \
        in one pass, so memory stays flat for any table size. Production is read in one \
        REPEATABLE READ READ ONLY transaction (ACCESS SHARE lock only) and never written. The \
        backup's rows come straight from the archive when they are in key order; otherwise, and \
        always with --where, the table is restored into a sidecar that sorts and filters it.

        --format sql prints the patch (INSERT, UPDATE, DELETE) that would bring production back \
        to the backup's rows; review it, or use pgscalpel apply.

        Exit status: 0 no differences, 1 differences, 2 trouble.

        Examples:
          pgscalpel diff prod.scalpel.sql.gz -t users --against postgres://app@db/prod
          pgscalpel diff prod.scalpel.sql.gz -t users --against 'dbname=prod' --where 'account_id = 42'
          pgscalpel diff prod.scalpel.sql.gz -t line_items --against 'dbname=prod' --key order_id,line --format json
          pgscalpel diff prod.scalpel.sql.gz -t users --against 'dbname=prod' --columns email --format sql > patch.sql
        """)

    @Argument(help: "The indexed archive.")
    var archive: String

    @Option(name: [.customShort("t"), .customLong("table")], help: "The table: NAME or SCHEMA.NAME.")
    var table: String

    @Option(help: ArgumentHelp("Production: a conninfo string, a postgres:// URI or a database name; "
                               + "PG* variables fill in the rest.", valueName: "CONN"))
    var against: String

    @Option(help: ArgumentHelp("Match rows on these columns (comma-separated) instead of the primary key.",
                               valueName: "columns"))
    var key: String?

    @Option(help: ArgumentHelp("Compare only these columns (comma-separated); the key is always compared.",
                               valueName: "names"))
    var columns: String?

    @Option(name: .customLong("where"),
            help: ArgumentHelp("Only rows for which this SQL boolean expression holds, on both sides.", valueName: "SQL"))
    var whereClause: String?

    @Option(help: "text, json, csv or sql (a patch).")
    var format: Diff.Format = .text

    @Option(parsing: .unconditional, help: "List at most this many differences after the summary (default: 20 for text, all otherwise).")
    var limit: Int?

    @Option(help: ArgumentHelp("Read the backup's rows from a sidecar: auto (one pgscalpel starts and removes) or a database "
                               + "where the table was restored already (only read).", valueName: "auto|CONN"))
    var sidecar: String?

    @OptionGroup var programs: ServerChoiceOptions

    /// Production is named, never libpq's default database: at 3 a.m. the default
    /// is whatever the shell's PG* variables last pointed at.
    @OptionGroup var progress: ProgressOptions

    func validate() throws {
        if against.trimmingWhitespace().isEmpty {
            throw ValidationError("--against needs the production database (a conninfo string, a URI or a database name)")
        }
        if let limit, limit < 0 { throw ValidationError("--limit must be 0 or more") }
        if let whereClause, whereClause.trimmingWhitespace().isEmpty {
            throw ValidationError("--where needs an expression")
        }
    }

    func run() throws {
        var diff = Diff(archive: archive, table: try TablePattern(table), production: try ConnectionTarget(against))
        diff.format = format
        diff.limit = limit ?? (diff.format == .text ? 20 : .max)
        diff.key = try key.map { try CommaList.columnNames($0, option: "--key") }
        diff.columns = try columns.map { try CommaList.columnNames($0) }
        diff.whereClause = whereClause
        diff.binaries = programs.choice
        switch sidecar {
        case nil: diff.backupSide = .automatic
        case "auto": diff.backupSide = .autoSidecar
        case let conninfo?: diff.backupSide = .sidecar(try ConnectionTarget(conninfo))
        }
        let summary = try diff.run(output: writeStandardOutput, progress: progress.meter("diff"))
        try summary.requireSuccess()
    }
}
