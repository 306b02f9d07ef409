import Foundation
import PostgresAccess
import TestSupport

/// One server for the suites of this target that need one (restore, drill, export); each
/// test restores into a database of its own.
enum RestoreServer {
    private static let started = Result { try ScratchServer() }

    static func shared() throws -> ScratchServer { try started.get() }

    static func makeDatabase() throws -> ConnectionTarget {
        let server = try shared()
        return server.target(database: try server.makeDatabase("restore"))
    }

    /// Runs a PostgreSQL program (pg_dump, psql) against the server; its standard output.
    static func run(_ tool: ServerBinaries.Tool, _ arguments: [String]) throws -> Data {
        let outcome = try CLI.run(try ServerBinaries.locate().require(tool), arguments, environment: try shared().environment)
        guard outcome.status == 0 else { throw TestFailure("\(tool.rawValue) \(arguments) failed: \(outcome.errors)") }
        return outcome.output
    }
}
