import ArgumentParser
import Recovery

// Option values ArgumentParser reads, checks and lists in --help itself, from
// the cases Recovery defines: no list of values is written twice.
extension Apply.Mode: ExpressibleByArgument {}
extension Diff.Format: ExpressibleByArgument {}
extension DrillReport.Format: ExpressibleByArgument {}
extension ExportFormat: ExpressibleByArgument {}
extension ExportFormat.Bytea: ExpressibleByArgument {}
extension CompressionBackend: ExpressibleByArgument {}

extension CommandOutcome {
    /// Ends the command with the report's exit status when it is not success.
    func requireSuccess() throws {
        if exitStatus != .success { throw ExitCode(exitStatus.rawValue) }
    }
}
