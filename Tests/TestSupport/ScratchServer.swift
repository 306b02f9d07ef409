import Foundation
import PostgresAccess

/// A PostgreSQL server for the suites of one test target, each of which makes databases
/// of its own in it: initdb and start-up take about a second, and the suites run in
/// parallel anyway. A target keeps one in a `static let`, started on first use, and
/// prepares it there (roles, pg_hba.conf rules) as its tests need.
///
/// Kept in a `static let`, it is never released: the registry's `atexit` hook stops the
/// server and deletes its directory when the test process ends.
public final class ScratchServer: @unchecked Sendable {  // its only state is constants
    private let server: SidecarServer
    /// Where psql, pg_dump and the other client programs of the server's version are.
    public let binDirectory: String

    public init() throws {
        server = try SidecarServer()
        binDirectory = URL(fileURLWithPath: try ServerBinaries.locate().require(.psql)).deletingLastPathComponent().path
    }

    /// The `postgres` superuser on the `postgres` database.
    public var target: ConnectionTarget { server.target }
    /// The server's temporary directory: socket, data directory and logs.
    public var directory: String { server.directory }
    public var dataDirectory: String { server.dataDirectory }
    public var socketDirectory: String { server.socketDirectory }
    public var port: Int { server.port }

    public func target(database: String) -> ConnectionTarget {
        server.target(database: database)
    }

    public func connect(database: String = "postgres") throws -> Connection {
        try Connection(target(database: database))
    }

    public func createDatabase(_ name: String) throws {
        try server.createDatabase(name)
    }

    /// A new empty database with a name no other test uses.
    public func makeDatabase(_ prefix: String) throws -> String {
        let name = "\(prefix)_\(UUID().uuidString.prefix(8).lowercased())"
        try createDatabase(name)
        return name
    }

    /// A new database loaded from a pg_dump plain file in Fixtures/.
    public func loadFixture(_ file: String, prefix: String) throws -> String {
        let name = try makeDatabase(prefix)
        let outcome = try CLI.run("psql", ["-X", "-q", "-v", "ON_ERROR_STOP=1", "-d", name, "-f", Fixture.path(file)],
                                  environment: environment)
        guard outcome.status == 0 else { throw TestFailure("loading \(file): \(outcome.errors)") }
        return name
    }

    /// PG* variables, and PATH, that point psql, pg_dump and pgscalpel at the server.
    public var environment: [String: String] {
        ["PGHOST": socketDirectory, "PGPORT": String(port), "PGUSER": "postgres", "PGDATABASE": "postgres",
         "PATH": "\(binDirectory):" + (ProcessInfo.processInfo.environment["PATH"] ?? "")]
    }
}
