import ArgumentParser
import PostgresAccess
import Recovery

struct DrillCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "drill",
        abstract: "Restore the whole archive into a sidecar and check it: the quarterly restore drill.",
        discussion: """
        Runs restore --all, then checks every table's row count against the archive's \
        index and that every index and constraint of the archive exists, timing each \
        phase. With --into auto (the default) the server is removed afterwards; \
        otherwise the named database must be empty. Exit status 1 when a check fails.

        Examples:
          pgscalpel drill prod.scalpel.sql.gz
          pgscalpel drill prod.scalpel.sql.gz --into 'dbname=drill' -j 4 --json
        """)

    @Argument(help: "The indexed archive.")
    var archive: String

    @Option(name: .customLong("into"),
            help: ArgumentHelp("An empty database (conninfo or URI), or 'auto' for a sidecar pgscalpel starts and removes.", valueName: "CONN|auto"))
    var into = "auto"

    @Option(name: [.customShort("j"), .customLong("jobs")], parsing: .unconditional, help: "Connections loading data and building indexes at once.")
    var jobs = 1

    @Flag(help: "Print the report as JSON.")
    var json = false

    @OptionGroup var progress: ProgressOptions
    @OptionGroup var programs: ServerChoiceOptions

    func validate() throws {
        guard jobs >= 1 else { throw ValidationError("-j needs at least 1") }
    }

    func run() throws {
        var drill = Drill(archive: archive, jobs: jobs)
        drill.progress = progress.meter("drill")
        drill.binaries = programs.choice
        let report = into == "auto" ? try drill.runInSidecar() : try drill.run(into: try ConnectionTarget(into))
        try writeStandardOutput(json ? try jsonText(report) : report.renderText())
        try report.requireSuccess()
    }
}
