import Glibc
import FoundationEssentials
import PostgresAccess

/// `pgscalpel sidecar`: a sidecar: a PostgreSQL server of its own that lives as long as the
/// command, for restores and investigations that must not touch production.
public enum Sidecar {
    /// Starts a server and either runs `command` with PGHOST, PGPORT, PGUSER and
    /// PGDATABASE pointing at it, returning its exit status, or (no command) prints
    /// how to connect and waits for Ctrl-C. The server and its directory are removed
    /// in every case, including on SIGINT, SIGTERM and SIGHUP.
    public static func run(command: [String], binaries: BinaryChoice = BinaryChoice(),
                           announce: (String) -> Void) throws -> Int32 {
        let server = try SidecarServer(binaries: try binaries.sidecarBinaries(sourceVersion: nil))
        defer { server.stop() }
        announce("sidecar: PostgreSQL running in \(server.directory)\n"
            + "sidecar: connect with: psql '\(server.target.childProcessArguments().conninfo)'\n")
        guard !command.isEmpty else {
            announce("sidecar: press Ctrl-C to stop it and remove it\n")
            while true { pause() }
        }
        var environment = ProcessInfo.processInfo.environment
        for name in ["PGSERVICE", "PGPASSWORD", "PGHOSTADDR", "PGSSLMODE", "PGOPTIONS"] { environment[name] = nil }
        environment["PGHOST"] = server.socketDirectory
        environment["PGPORT"] = String(server.port)
        environment["PGUSER"] = server.target["user"] ?? "postgres"
        environment["PGDATABASE"] = server.target["dbname"] ?? "postgres"
        // /usr/bin/env finds the command on PATH. Its own process group, as Foundation's
        // `Process` gave it: Ctrl-C reaches only us, and the cleanup below ends it.
        let child = try ChildProcess.spawn("/usr/bin/env", command, environment: environment, streams: .inherited,
                                           ownProcessGroup: true)
        let token = Interruption.register { [pid = child.pid] in kill(pid, SIGTERM) }
        defer { Interruption.unregister(token) }
        switch child.wait() {
        case .exited(let status): return status
        case .signaled(let signal): return 128 + signal
        }
    }
}
