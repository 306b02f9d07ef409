import ArgumentParser
import Recovery
import Support

// Option values ArgumentParser reads, checks and lists in --help itself, from
// the cases Recovery defines: no list of values is written twice.
extension Apply.Mode: ExpressibleByArgument {}
extension Diff.Format: ExpressibleByArgument {}
extension DrillReport.Format: ExpressibleByArgument {}
extension ExportFormat: ExpressibleByArgument {}
extension ExportFormat.Bytea: ExpressibleByArgument {}
extension CompressionBackend: ExpressibleByArgument {}
extension ProgressMode: ExpressibleByArgument {}

/// `--format csv,jsonl`: export's formats as a comma list (the option repeats too).
struct ExportFormatList: ExpressibleByArgument {
    var formats: [ExportFormat]

    init?(argument: String) {
        let formats = argument.split(separator: ",", omittingEmptySubsequences: false)
            .map { ExportFormat(rawValue: String($0).trimmingWhitespace()) }
        guard !formats.isEmpty, formats.allSatisfy({ $0 != nil }) else { return nil }
        self.formats = formats.compactMap { $0 }
    }

    static var allValueStrings: [String] { ExportFormat.allCases.map(\.rawValue) }
}

extension CommandOutcome {
    /// Ends the command with the report's exit status when it is not success.
    func requireSuccess() throws {
        if exitStatus != .success { throw ExitCode(exitStatus.rawValue) }
    }
}
