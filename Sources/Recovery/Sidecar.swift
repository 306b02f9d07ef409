#if canImport(Glibc)
import Glibc
#endif
import Foundation
import PostgresAccess

/// `pgscalpel sidecar`: a throwaway PostgreSQL server that lives as long as the
/// command, for restores and investigations that must not touch production.
public enum Sidecar {
    /// Starts a server and either runs `command` with PGHOST, PGPORT, PGUSER and
    /// PGDATABASE pointing at it, returning its exit status, or (no command) prints
    /// how to connect and waits for Ctrl-C. The server and its directory are removed
    /// in every case, including on SIGINT, SIGTERM and SIGHUP.
    public static func run(command: [String], announce: (String) -> Void) throws -> Int32 {
        let server = try EphemeralServer()
        defer { server.stop() }
        announce("sidecar: PostgreSQL running in \(server.directory)\n"
            + "sidecar: connect with: psql '\(server.target.childProcessArguments().conninfo)'\n")
        guard let executable = command.first else {
            announce("sidecar: press Ctrl-C to stop it and remove it\n")
            while true { pause() }
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = [executable] + command.dropFirst()
        var environment = ProcessInfo.processInfo.environment
        for name in ["PGSERVICE", "PGPASSWORD", "PGHOSTADDR", "PGSSLMODE", "PGOPTIONS"] { environment[name] = nil }
        environment["PGHOST"] = server.socketDirectory
        environment["PGPORT"] = String(server.port)
        environment["PGUSER"] = server.target["user"] ?? "postgres"
        environment["PGDATABASE"] = server.target["dbname"] ?? "postgres"
        process.environment = environment
        try process.run()
        let token = Interruption.register { [pid = process.processIdentifier] in kill(pid, SIGTERM) }
        defer { Interruption.unregister(token) }
        process.waitUntilExit()
        return process.terminationReason == .exit ? process.terminationStatus : 128 + process.terminationStatus
    }
}
