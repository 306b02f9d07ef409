import Foundation
import PostgresAccess
import Support
import Testing

/// One server for every suite that only needs somewhere to connect: initdb
/// and startup cost about a second, and the suites run in parallel anyway.
///
/// It is deliberately never released; the registry's `atexit` hook stops it
/// and deletes its directory when the test process ends.
enum SharedServer {
    struct Info: Sendable {
        let target: ConnectionTarget
        let directory: String
    }

    /// A role that must authenticate with SCRAM, for the password tests.
    static let passwordUser = "alice"
    static let password = "s3cr't \\ pass"

    private static let started = Result { try start() }

    static func info() throws -> Info {
        try started.get()
    }

    static func target() throws -> ConnectionTarget {
        try info().target
    }

    static func connect() throws -> Connection {
        try Connection(target())
    }

    private static func start() throws -> Info {
        let server = try SidecarServer()
        _ = Unmanaged.passRetained(server)
        let connection = try Connection(server.target)
        try connection.execute("CREATE ROLE \(passwordUser) LOGIN PASSWORD \(password.sqlLiteral)")

        let rulesFile = "\(server.dataDirectory)/pg_hba.conf"
        let rules = try String(contentsOfFile: rulesFile, encoding: .utf8)
        try "local all \(passwordUser) scram-sha-256\n\(rules)".write(toFile: rulesFile, atomically: false, encoding: .utf8)
        try connection.execute("SELECT pg_reload_conf()")
        try waitForPasswordRule(server.target.setting("user", to: passwordUser).setting("passfile", to: "/nonexistent/pgpass"))

        return Info(target: server.target, directory: server.directory)
    }

    /// The postmaster rereads pg_hba.conf some time after the reload signal.
    private static func waitForPasswordRule(_ target: ConnectionTarget) throws {
        let deadline = ContinuousClock.now + .seconds(10)
        while ContinuousClock.now < deadline {
            do {
                _ = try Connection(target)
                usleep(20_000)
            } catch {
                return
            }
        }
        throw PasswordRuleNotApplied()
    }

    struct PasswordRuleNotApplied: Error {}
}
