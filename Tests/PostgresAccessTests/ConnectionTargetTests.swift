import Foundation
@testable import PostgresAccess
import Testing

@Suite struct ConnectionTargetTests {
    private func dictionary(_ target: ConnectionTarget) -> [String: String] {
        Dictionary(target.parameters.map { ($0.keyword, $0.value) }) { _, last in last }
    }

    @Test func parsesConninfo() throws {
        let target = try ConnectionTarget(#"host=db.example port=6543 user=app dbname='my db' password='pa ss\'word'"#, environment: [:])
        #expect(dictionary(target) == [
            "host": "db.example", "port": "6543", "user": "app", "dbname": "my db", "password": "pa ss'word",
        ])
        #expect(target.redacted == "host=db.example port=6543 user=app password=*** dbname='my db'")
        #expect(!target.redacted.contains("pa ss"))
        #expect(target.description == target.redacted)
    }

    @Test func parsesURI() throws {
        let target = try ConnectionTarget("postgresql://app:s3cret@db.example:6543/mydb?sslmode=require", environment: [:])
        #expect(dictionary(target) == [
            "host": "db.example", "port": "6543", "user": "app", "password": "s3cret", "dbname": "mydb", "sslmode": "require",
        ])
        #expect(!"\(target)".contains("s3cret"))
    }

    @Test func bareNameIsADatabaseAsForPgDump() throws {
        #expect(dictionary(try ConnectionTarget("sales", environment: [:])) == ["dbname": "sales"])
        #expect(dictionary(try ConnectionTarget("dbname=sales", environment: [:])) == ["dbname": "sales"])
    }

    @Test func emptySpecLeavesEverythingToLibpq() throws {
        #expect(try ConnectionTarget(nil, environment: [:]).parameters.isEmpty)
        #expect(try ConnectionTarget("", environment: [:]).parameters.isEmpty)
    }

    @Test(arguments: [
        "postgresql://app:hunter2@[::1",
        "password=hunter2 nonsense",
        "host=x password=hunter2 bogus=1",
        "postgres://app:hunter2@host/db?bogus=1",
    ])
    func invalidSpecIsRejectedWithoutThePassword(spec: String) {
        let error = #expect(throws: PostgresError.self) { try ConnectionTarget(spec, environment: [:]) }
        #expect(error?.code == .invalidConnectionString)
        #expect(error.map { !$0.description.contains("hunter2") } == true)
        #expect(error.map { !$0.description.contains("\n") } == true)
    }

    @Test func postgresVariablesFillWhatTheSpecLeftOut() throws {
        let environment = [
            "POSTGRES_HOST": "db.internal", "POSTGRES_PORT": "5433", "POSTGRES_USER": "backup",
            "POSTGRES_PASSWORD": "pw", "POSTGRES_DB": "fromenv",
        ]
        let target = try ConnectionTarget("dbname=explicit", environment: environment)
        #expect(dictionary(target) == [
            "dbname": "explicit", "host": "db.internal", "port": "5433", "user": "backup", "password": "pw",
        ])
    }

    /// The runbook's scripts on a database host with PG* variables exported: each
    /// setting comes from where it is said, and a setting said twice differently stops.
    @Test func postgresVariablesFillOnlyWhatNoLibpqVariableSays() throws {
        let target = try ConnectionTarget(nil, environment: ["PGHOST": "/run/postgresql", "PGPORT": "5433", "POSTGRES_DB": "app",
                                                              "POSTGRES_USER": "app", "PGUSER": "app"])
        #expect(dictionary(target) == ["dbname": "app"])
    }

    @Test(arguments: [("PGUSER", "POSTGRES_USER", "user=... (or -U)"), ("PGDATABASE", "POSTGRES_DB", "the database"),
                      ("PGHOST", "POSTGRES_HOST", "host=... (or -h)"), ("PGHOSTADDR", "POSTGRES_HOST", "host=..."),
                      ("PGPORT", "POSTGRES_PORT", "port=... (or -p)")])
    func disagreeingVariablesStopTheCommand(libpq: String, postgres: String, remedy: String) throws {
        let error = #expect(throws: PostgresError.self) {
            try ConnectionTarget(nil, environment: [libpq: "postgres", postgres: "app"])
        }
        #expect(error?.code == .conflictingSettings)
        #expect(error?.description.contains("\(libpq)=postgres and \(postgres)=app disagree: give \(remedy)") == true,
                "\(String(describing: error))")
    }

    @Test func theCommandLineSettlesADisagreement() throws {
        let environment = ["PGUSER": "postgres", "POSTGRES_USER": "app", "PGDATABASE": "postgres", "POSTGRES_DB": "app"]
        let target = try ConnectionTarget("user=app dbname=app", environment: environment)
        #expect(dictionary(target) == ["user": "app", "dbname": "app"])
        let flagged = try ConnectionTarget("dbname=app", environment: [:]).setting("user", to: "app")
            .applyingPostgresVariables(from: environment)
        #expect(dictionary(flagged) == ["user": "app", "dbname": "app"])
    }

    @Test func passwordsThatDifferAreNotShown() throws {
        let error = #expect(throws: PostgresError.self) {
            try ConnectionTarget(nil, environment: ["PGPASSWORD": "hunter2", "POSTGRES_PASSWORD": "swordfish"])
        }
        #expect(error?.description.contains("PGPASSWORD and POSTGRES_PASSWORD differ") == true)
        #expect(error.map { !$0.description.contains("hunter2") && !$0.description.contains("swordfish") } == true)
    }

    @Test(arguments: [("service=prod", [String: String]()), (nil, ["PGSERVICE": "prod"])])
    func aServiceBesidePostgresVariablesStopsTheCommand(spec: String?, service: [String: String]) throws {
        let error = #expect(throws: PostgresError.self) {
            try ConnectionTarget(spec, environment: service.merging(["POSTGRES_HOST": "db.internal"]) { $1 })
        }
        #expect(error?.description.contains("POSTGRES_HOST=db.internal is set beside the service prod") == true)
        #expect(try ConnectionTarget("service=prod", environment: [:]).parameters.count == 1)
    }

    @Test func childProcessArgumentsKeepThePasswordOutOfArgv() throws {
        let target = try ConnectionTarget(#"host='/tmp/a b\'c\\d' user=app password=secret dbname=x"#, environment: [:])
        let (conninfo, environment) = target.childProcessArguments()
        #expect(conninfo == #"host='/tmp/a b\'c\\d' user=app dbname=x"#)
        #expect(environment == ["PGPASSWORD": "secret"])
        let reparsed = try ConnectionTarget(conninfo, environment: [:])
        #expect(dictionary(reparsed) == ["host": #"/tmp/a b'c\d"#, "user": "app", "dbname": "x"])

        let withoutPassword = try ConnectionTarget("host=h", environment: [:]).childProcessArguments()
        #expect(withoutPassword.conninfo == "host=h")
        #expect(withoutPassword.environment.isEmpty)
    }

    @Test func emptyValuesAreQuoted() throws {
        let target = try ConnectionTarget("host=h options=''", environment: [:])
        #expect(target.redacted == "host=h options=''")
    }

    @Test func unixSocketAndSetting() {
        let target = ConnectionTarget.unixSocket(directory: "/tmp/s", port: 5433, user: "postgres", database: "db")
        #expect(target.redacted == "host=/tmp/s port=5433 user=postgres dbname=db")
        let other = target.setting("dbname", to: "other").setting("port", to: nil)
        #expect(other.redacted == "host=/tmp/s port=5433 user=postgres dbname=other")
        #expect(other["dbname"] == "other")
    }

    @Test(arguments: [
        ("cannot parse postgresql://app:hunter2@host/db", "cannot parse postgresql://app:***@host/db"),
        ("bad: postgres://:hunter2@h", "bad: postgres://:***@h"),
        ("host=h password=hunter2 port=1", "host=h password=*** port=1"),
        (#"password = 'hun ter\'2' dbname=x"#, "password = *** dbname=x"),
        ("?user=a&password=hunter2&x=1", "?user=a&password=***"),
        ("PGPASSWORD=hunter2 pg_dump", "PGPASSWORD=*** pg_dump"),
        ("no secrets here", "no secrets here"),
    ])
    func redactsPasswordsInText(text: String, expected: String) {
        #expect(redactingPasswords(in: text) == expected)
    }
}
