import ArgumentParser
import Recovery

struct VerifyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "verify",
        abstract: "Check every member's CRC and length, the index's checksum, and that the index matches the stream.",
        discussion: """
        Names each damaged section. Exit status 1 when anything is damaged.

        Examples:
          pgscalpel verify prod.scalpel.sql.gz
          pgscalpel verify prod.scalpel.sql.gz --json
        """)

    @Argument(help: "The indexed archive.")
    var archive: String

    @Flag(help: "Print JSON for scripts.")
    var json = false

    @OptionGroup var progress: ProgressOptions

    func run() throws {
        let result = try Verification(path: archive, progress: progress.meter("verify"))
        try writeStandardOutput(json ? try jsonText(result) : result.renderText())
        try result.requireSuccess()
    }
}
