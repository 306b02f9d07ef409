import ArgumentParser
import PostgresAccess
import Recovery
import Support

struct DrillCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "drill",
        abstract: "Restore the whole archive into a sidecar and check it: the quarterly restore drill.",
        discussion: """
        Runs restore --all, then checks every table's row count against the archive's \
        index and that every object of the archive (tables, views, indexes, constraints, \
        triggers, functions, sequences, types, schemas, policies, rules, extensions with \
        their versions, ...) exists, timing each phase. The report names the archive's \
        size, index CRC-32 and dump, and gives the verdict first. With --into auto (the \
        default) the server is removed afterwards, or kept when the drill fails and \
        --keep-on-failure is given; otherwise the named database must be empty. \
        --compare-with sets production's row counts now beside the archive's, as \
        information, or as a check with --max-row-drift. Exit status 1 when a check fails.

        Examples:
          pgscalpel drill prod.scalpel.sql.gz
          pgscalpel drill prod.scalpel.sql.gz -j 4 --compare-with 'dbname=prod' --format markdown
          pgscalpel drill prod.scalpel.sql.gz --into 'dbname=drill' --json
        """)

    @Argument(help: "The indexed archive.")
    var archive: String

    @Option(name: .customLong("into"),
            help: ArgumentHelp("An empty database (conninfo or URI), or 'auto' for a sidecar pgscalpel starts and removes.", valueName: "CONN|auto"))
    var into = "auto"

    @Option(name: [.customShort("j"), .customLong("jobs")], parsing: .unconditional, help: "Connections loading data and building indexes at once.")
    var jobs = 1

    @Option(help: ArgumentHelp("Production (conninfo, URI or database name): its row counts now, read-only, beside the archive's.",
                               valueName: "CONN"))
    var compareWith: String?

    @Option(help: ArgumentHelp("With --compare-with: fail when a table's rows in production differ from the archive's by more than PCT percent.",
                               valueName: "PCT"))
    var maxRowDrift: Double?

    @Flag(help: "With --into auto: when the drill fails, leave the server running for inspection and print how to remove it.")
    var keepOnFailure = false

    @Option(help: "text, json or markdown (for an incident record).")
    var format: DrillReport.Format = .text

    @Flag(help: "Print the report as JSON (--format json).")
    var json = false

    @OptionGroup var progress: ProgressOptions
    @OptionGroup var programs: ServerChoiceOptions

    func validate() throws {
        guard jobs >= 1 else { throw ValidationError("-j needs at least 1") }
        guard !keepOnFailure || into == "auto" else { throw ValidationError("--keep-on-failure goes with --into auto") }
        guard maxRowDrift == nil || compareWith != nil else { throw ValidationError("--max-row-drift needs --compare-with") }
        guard (maxRowDrift ?? 0) >= 0 else { throw ValidationError("--max-row-drift needs a percentage of at least 0") }
        guard compareWith?.trimmingWhitespace().isEmpty != true else {
            throw ValidationError("--compare-with needs the production database (a conninfo string, a URI or a database name)")
        }
        guard !json || format == .text || format == .json else { throw ValidationError("--json and --format \(format.rawValue): choose one") }
    }

    func run() throws {
        var drill = Drill(archive: archive, jobs: jobs)
        drill.progress = progress.meter("drill")
        drill.binaries = programs.choice
        drill.production = try compareWith.map { try ConnectionTarget($0) }
        drill.maxRowDrift = maxRowDrift
        let report = into == "auto"
            ? try drill.runInSidecar(keepOnFailure: keepOnFailure) { kept in
                writeStandardError("drill: the server is kept for inspection: \(kept.conninfo)\n"
                                   + "drill: remove it with: \(kept.removeCommand)\n")
            }
            : try drill.run(into: try ConnectionTarget(into))
        switch json ? .json : format {
        case .text: try writeStandardOutput(report.renderText())
        case .json: try writeStandardOutput(try jsonText(report))
        case .markdown: try writeStandardOutput(report.renderMarkdown())
        }
        try report.requireSuccess()
    }
}
