import ArgumentParser
import Recovery

/// `--progress`, spelled and explained once for every long command.
struct ProgressOptions: ParsableArguments {
    @Option(help: ArgumentHelp(
        "Progress on standard error: a live line on a terminal, plain lines elsewhere (auto); plain lines always, "
            + "with no carriage return, for cron and journald (plain); or none.", valueName: "auto|plain|none"))
    var progress: ProgressMode = .auto

    @Option(name: .customLong("progress-interval"),
            help: ArgumentHelp("Seconds between plain progress lines.", valueName: "SECONDS"))
    var progressInterval: Double = 10

    func validate() throws {
        guard progressInterval > 0, progressInterval.isFinite else {
            throw ValidationError("--progress-interval needs a number of seconds above 0")
        }
    }

    /// The meter for a command, labelled with its name; nil for --progress none.
    func meter(_ label: String) -> Recovery.Progress? {
        Recovery.Progress(label: label, mode: progress, interval: progressInterval)
    }
}
