import ArgumentParser
import PostgresAccess
import Support

/// `--bindir`, named as pg_config and pg_upgrade name a bin directory: for commands
/// that run pg_dump or a sidecar, where several installed majors need a choice
/// the operator can make and see.
struct BinDirOption: ParsableArguments {
    @Option(name: .customLong("bindir"), help: ArgumentHelp(
        "The PostgreSQL bin directory to run programs from (else $PGSCALPEL_BINDIR, else a search; see doctor).",
        valueName: "dir"))
    var bindir: String?

    /// A blank one would quietly mean the search, not the directory meant.
    func validate() throws {
        if bindir?.trimmingWhitespace().isEmpty == true { throw ValidationError("--bindir needs a directory") }
    }

    var choice: BinaryChoice { BinaryChoice(bindir: bindir) }
}

/// `--bindir` and `--allow-older-server`, for commands that restore an archive.
struct ServerChoiceOptions: ParsableArguments {
    @OptionGroup var bin: BinDirOption

    @Flag(name: .customLong("allow-older-server"),
          help: "Restore into a server older than the one dumped (newer syntax may fail part-way).")
    var allowOlderServer = false

    var choice: BinaryChoice { BinaryChoice(bindir: bin.bindir, allowOlderServer: allowOlderServer) }
}
