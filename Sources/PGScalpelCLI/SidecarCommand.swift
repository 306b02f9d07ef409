import ArgumentParser
import Recovery

struct SidecarCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sidecar",
        abstract: "Start a sidecar, a PostgreSQL server of pgscalpel's own; run a command against it, or wait for Ctrl-C.",
        discussion: """
        The server listens only on a unix socket in a fresh temporary directory and is \
        stopped and removed when the command ends, on Ctrl-C, SIGTERM or SIGHUP, and on \
        any failure. With a command, PGHOST, PGPORT, PGUSER and PGDATABASE point at it.

        Examples:
          pgscalpel sidecar
          pgscalpel sidecar -- psql -c 'SELECT version()'
          pgscalpel sidecar -- sh -c 'createdb scratch && gunzip -c prod.scalpel.sql.gz | psql -q scratch'
        """)

    @OptionGroup var programs: BinDirOption

    @Argument(parsing: .postTerminator, help: "A command to run against the server, after --.")
    var command: [String] = []

    func run() throws {
        let status = try Sidecar.run(command: command, binaries: programs.choice) { writeStandardError($0) }
        if status != 0 { throw ExitCode(status) }
    }
}
