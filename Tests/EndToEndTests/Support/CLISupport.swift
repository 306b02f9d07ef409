import Foundation
import PostgresAccess
import TestSupport

extension CLI {
    /// The pgscalpel built next to this test bundle.
    static let pgscalpel: String = {
        let bundle = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath().deletingLastPathComponent()
        return bundle.appendingPathComponent("pgscalpel").path
    }()

    static func pgscalpel(_ arguments: [String], environment: [String: String] = [:], input: Data = Data()) throws -> Outcome {
        try run(pgscalpel, arguments, environment: environment, input: input)
    }
}

/// One server for the end-to-end tests, with the role the fixtures grant to; each test
/// makes its own databases in it.
enum TestServer {
    private static let started = Result { () throws -> ScratchServer in
        let server = try ScratchServer()
        try server.connect().execute("CREATE ROLE reader")
        return server
    }

    static func info() throws -> ScratchServer { try started.get() }

    /// PG* variables that point psql, pg_dump and pgscalpel at the test server.
    static func environment() throws -> [String: String] { try info().environment }

    /// A new empty database with a name no other test uses.
    static func makeDatabase(_ prefix: String) throws -> String { try info().makeDatabase(prefix) }

    /// A database loaded from a pg_dump plain file in Fixtures/.
    static func loadFixture(_ file: String, prefix: String) throws -> String {
        try info().loadFixture(file, prefix: prefix)
    }
}

/// pg_dump output with the parts that differ on every run removed: the random
/// \restrict key and the start and end times.
func comparableDump(_ text: String) -> String {
    text.split(separator: "\n", omittingEmptySubsequences: false)
        .filter { !$0.hasPrefix("\\restrict ") && !$0.hasPrefix("\\unrestrict ") && !$0.hasPrefix("-- Started on ")
            && !$0.hasPrefix("-- Completed on ") }
        .joined(separator: "\n")
}
