import ArgumentParser
import Recovery

struct BackupCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "backup",
        abstract: "Run pg_dump and write an indexed archive (a .sql.gz that psql still restores).",
        discussion: """
        The archive appears under FILE only when complete (mode 0600); an interrupted \
        backup leaves nothing behind. pg_dump's selection options pass through. The summary \
        names the database, host, port and role the dump came from; a backup with no table \
        exits 1 (most often the wrong database) unless --allow-empty.

        Connection settings: -d, -h, -p, -U first; then PG* variables, ~/.pgpass and service \
        files as libpq reads them; POSTGRES_* variables fill what none of those says, and one \
        that disagrees with its PG* variable (or stands beside a service) stops the backup.

        Examples:
          pgscalpel backup -d postgres://app@db/prod -f prod_$(date +%Y%m%d).scalpel.sql.gz
          pgscalpel backup -d 'host=/var/run/postgresql dbname=prod' -f prod.scalpel.sql.gz -n billing
          POSTGRES_HOST=db POSTGRES_USER=app POSTGRES_DB=prod pgscalpel backup -f prod.scalpel.sql.gz
        """)

    @OptionGroup var connection: ConnectionOptions

    @OptionGroup var programs: BinDirOption

    @Option(name: [.customShort("f"), .customLong("file")], help: "The archive to write (never over an existing file).")
    var file: String

    @Flag(help: "Replace the archive if the file exists.")
    var overwrite = false

    @Flag(name: .customLong("allow-empty"), help: "A backup with no table is what is meant (else it exits 1).")
    var allowEmpty = false

    @Option(name: [.customShort("t"), .customLong("table")], help: "Dump only tables matching this pattern (pg_dump -t; repeatable).")
    var tables: [String] = []

    @Option(name: [.customShort("T"), .customLong("exclude-table")], help: "Do not dump these tables (pg_dump -T; repeatable).")
    var excludedTables: [String] = []

    @Option(name: [.customShort("n"), .customLong("schema")], help: "Dump only these schemas (pg_dump -n; repeatable).")
    var schemas: [String] = []

    @Option(name: [.customShort("N"), .customLong("exclude-schema")], help: "Do not dump these schemas (pg_dump -N; repeatable).")
    var excludedSchemas: [String] = []

    @Option(name: .customLong("exclude-table-data"), help: "Dump these tables' definitions without their data (repeatable).")
    var excludedTableData: [String] = []

    @Flag(name: [.customShort("O"), .customLong("no-owner")], help: "Leave out ownership commands (pg_dump -O).")
    var noOwner = false

    @Flag(name: [.customShort("x"), .customLong("no-privileges")], help: "Leave out GRANT/REVOKE (pg_dump -x).")
    var noPrivileges = false

    @Flag(name: .customLong("load-via-partition-root"), help: "Load partitions through their root table (pg_dump option).")
    var loadViaPartitionRoot = false

    @Flag(help: "Print the archive's summary as JSON.")
    var json = false

    @OptionGroup var progress: ProgressOptions

    var pgDumpArguments: [String] {
        tables.map { "--table=\($0)" } + excludedTables.map { "--exclude-table=\($0)" }
            + schemas.map { "--schema=\($0)" } + excludedSchemas.map { "--exclude-schema=\($0)" }
            + excludedTableData.map { "--exclude-table-data=\($0)" }
            + (noOwner ? ["--no-owner"] : []) + (noPrivileges ? ["--no-privileges"] : [])
            + (loadViaPartitionRoot ? ["--load-via-partition-root"] : [])
    }

    func run() throws {
        var backup = Backup(target: try connection.target(), file: file, pgDumpArguments: pgDumpArguments)
        backup.overwrite = overwrite
        backup.binaries = programs.choice
        let result = try backup.run(progress: progress.meter("backup"))
        let summary = ArchiveSummary(backup: result, path: file, allowEmpty: allowEmpty)
        try writeStandardOutput(json ? try jsonText(summary) : summary.renderText())
        try summary.requireSuccess()
    }
}
