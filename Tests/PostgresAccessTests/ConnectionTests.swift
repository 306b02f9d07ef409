import Foundation
@testable import PostgresAccess
import Testing

@Suite struct ConnectionTests {
    private func currentUserAndDatabase(_ target: ConnectionTarget) throws -> [String?] {
        let connection = try Connection(target)
        return try connection.execute("SELECT current_user, current_database()").rows[0]
    }

    @Test(arguments: ["postgresql", "postgres"])
    func connectsByURIWithSocketDirectory(scheme: String) throws {
        let directory = try SharedServer.info().directory
        // The port is given so a PGPORT in the environment of whoever runs the tests,
        // which libpq reads itself, cannot send the connection elsewhere.
        let target = try ConnectionTarget("\(scheme)://postgres@/postgres?host=\(directory)&port=5432", environment: [:])
        #expect(try currentUserAndDatabase(target) == ["postgres", "postgres"])
    }

    @Test func connectsByConninfo() throws {
        let directory = try SharedServer.info().directory
        let target = try ConnectionTarget("host='\(directory)' port=5432 user=postgres dbname=template1", environment: [:])
        #expect(try currentUserAndDatabase(target) == ["postgres", "template1"])
    }

    @Test func connectsByPostgresVariablesWithPassword() throws {
        let environment = [
            "POSTGRES_HOST": try SharedServer.info().directory,
            "POSTGRES_PORT": "5432",
            "POSTGRES_USER": SharedServer.passwordUser,
            "POSTGRES_PASSWORD": SharedServer.password,
            "POSTGRES_DB": "postgres",
        ]
        let target = try ConnectionTarget("passfile=/nonexistent/pgpass", environment: environment)
        #expect(try currentUserAndDatabase(target) == [SharedServer.passwordUser, "postgres"])
    }

    @Test func connectsByURIWithEncodedPassword() throws {
        let directory = try SharedServer.info().directory
        let encoded = SharedServer.password.addingPercentEncoding(withAllowedCharacters: .alphanumerics)!
        let target = try ConnectionTarget(
            "postgresql://\(SharedServer.passwordUser):\(encoded)@/postgres?host=\(directory)&port=5432&passfile=/nonexistent/pgpass",
            environment: [:]
        )
        #expect(try currentUserAndDatabase(target) == [SharedServer.passwordUser, "postgres"])
        #expect(!target.description.contains(encoded))
    }

    @Test func wrongPasswordIsOneLineWithoutThePassword() throws {
        let target = try SharedServer.target()
            .setting("user", to: SharedServer.passwordUser)
            .setting("password", to: "wrong-hunter2")
            .setting("passfile", to: "/nonexistent/pgpass")
        let error = #expect(throws: PostgresError.self) { try Connection(target) }
        let description = try #require(error?.description)
        #expect(error?.code == .connectionFailed)
        #expect(description.hasPrefix("cannot connect to host=\(try SharedServer.info().directory) port=5432 user=alice dbname=postgres: "))
        #expect(description.hasSuffix(#"password authentication failed for user "alice""#))
        #expect(!description.contains("hunter2"))
        #expect(!description.contains("\n"))
    }

    @Test func unreachableHostIsOneLineWithoutThePassword() throws {
        let target = try ConnectionTarget(
            "host=127.0.0.1 port=1 user=someone password=hunter2 dbname=x connect_timeout=5",
            environment: [:]
        )
        let error = #expect(throws: PostgresError.self) { try Connection(target) }
        let description = try #require(error?.description)
        #expect(description.hasPrefix("cannot connect to host=127.0.0.1 port=1 user=someone dbname=x: Connection refused"))
        #expect(!description.contains("hunter2"))
        #expect(!description.contains("\n"))
    }

    @Test func missingSocketDirectoryIsOneLine() throws {
        let target = ConnectionTarget.unixSocket(directory: "/nonexistent/pgscalpel", user: "postgres", database: "postgres")
        let error = #expect(throws: PostgresError.self) { try Connection(target) }
        let description = try #require(error?.description)
        #expect(description.hasPrefix("cannot connect to host=/nonexistent/pgscalpel port=5432 user=postgres dbname=postgres: No such file or directory"))
        #expect(!description.contains("\n"))
    }

    @Test func reportsVersionsAndParameters() throws {
        let connection = try SharedServer.connect()
        #expect(connection.serverVersionNumber >= 100_000)
        #expect(try Connection.libpqVersion() >= 100_000)
        #expect(connection.parameterStatus("server_encoding") == "UTF8")
        #expect(connection.parameterStatus("application_name") == "pgscalpel")
        #expect(connection.parameterStatus("no_such_parameter") == nil)
    }

    @Test func childProcessArgumentsWorkForPsql() throws {
        let psql = try #require(try ServerBinaries.locate().psql)
        let target = try SharedServer.target()
            .setting("user", to: SharedServer.passwordUser)
            .setting("password", to: SharedServer.password)
            .setting("passfile", to: "/nonexistent/pgpass")
        let (conninfo, extra) = target.childProcessArguments()
        let environment = ProcessInfo.processInfo.environment.merging(extra) { _, extra in extra }
        let (termination, output) = try ChildProcess.run(
            psql, ["-X", "-At", "-d", conninfo, "-c", "SELECT current_user"], environment: environment
        )
        #expect(termination == .exited(0))
        #expect(output == "\(SharedServer.passwordUser)\n")
    }
}

/// libpq reads `PG*` variables from the real process environment, so this
/// suite sets them; the other suites always give explicit parameters, which
/// take precedence, so they are unaffected while it runs.
@Suite(.serialized) struct ProcessEnvironmentTests {
    @Test func connectsByLibpqVariables() throws {
        let variables = [
            "PGHOST": try SharedServer.info().directory,
            "PGPORT": "5432",
            "PGUSER": SharedServer.passwordUser,
            "PGPASSWORD": SharedServer.password,
            "PGDATABASE": "template1",
            "PGPASSFILE": "/nonexistent/pgpass",
        ]
        let previous = variables.keys.map { ($0, ProcessInfo.processInfo.environment[$0]) }
        for (name, value) in variables {
            setenv(name, value, 1)
        }
        defer {
            for (name, value) in previous {
                if let value {
                    setenv(name, value, 1)
                } else {
                    unsetenv(name)
                }
            }
        }
        // POSTGRES_* variables that agree with them change nothing.
        let agreeing = ["POSTGRES_USER": SharedServer.passwordUser, "POSTGRES_DB": "template1"]
        let target = try ConnectionTarget(nil, environment: ProcessInfo.processInfo.environment.merging(agreeing) { $1 })
        #expect(target.parameters.isEmpty)
        let connection = try Connection(target)
        #expect(try connection.execute("SELECT current_user, current_database()").rows[0] == [SharedServer.passwordUser, "template1"])
    }
}
