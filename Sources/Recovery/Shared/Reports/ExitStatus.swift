/// The exit status a finished command leaves for scripts. Errors (bad input, an
/// unreachable server, a damaged archive) are thrown and exit 2; a command that
/// ran to its end says here whether the check it exists for passed.
public enum ExitStatus: Int32, Sendable {
    case success = 0
    /// It ran, and found what a script must not take for success: damage, a
    /// difference, a plan that `--execute` would fail, a key with no row, a
    /// statement passed over.
    case checkFailed = 1
    /// A dry run that planned changes and wrote none: distinct from a finished
    /// write, so that a script that forgot `--execute` cannot take it for done.
    case dryRun = 3
}

/// A report whose contents decide the command's exit status, so that the rule
/// lives beside the report and not in the argument parser.
public protocol CommandOutcome {
    var exitStatus: ExitStatus { get }
}
