import Foundation
import PostgresAccess
import Support
import Testing

@Suite struct QueryTests {
    @Test func bindsParametersAndReadsRows() throws {
        let connection = try SharedServer.connect()
        let result = try connection.execute("SELECT $1::int + 1 AS next, $2::text AS missing, 'x' AS x", ["41", nil])
        #expect(result.rowCount == 1)
        #expect(result.columnCount == 3)
        #expect((0..<3).map(result.columnName) == ["next", "missing", "x"])
        #expect(result[0, 0] == "42")
        #expect(result[0, 1] == nil)
        #expect(result.rows == [["42", nil, "x"]])
        #expect(result.commandTag == "SELECT 1")
    }

    @Test func reportsAffectedRows() throws {
        let connection = try SharedServer.connect()
        try connection.execute("CREATE TEMP TABLE affected (id int)")
        let insert = try connection.execute("INSERT INTO affected SELECT generate_series(1, 3)")
        #expect(insert.commandTag == "INSERT 0 3")
        #expect(insert.affectedRows == 3)
        #expect(try connection.execute("CREATE TEMP TABLE other (id int)").affectedRows == nil)
    }

    @Test func runsSeveralStatementsWithoutParameters() throws {
        let connection = try SharedServer.connect()
        let result = try connection.execute("CREATE TEMP TABLE several (id int); INSERT INTO several VALUES (1), (2); SELECT count(*) FROM several")
        #expect(result[0, 0] == "2")
    }

    /// Bytes go as they are, in the session's client encoding: LATIN1's é is 0xE9,
    /// which the server reads as é (UTF-8 c3 a9 in this UTF8 database).
    @Test func runsSQLGivenAsBytesInTheClientEncoding() throws {
        let connection = try SharedServer.connect()
        try connection.execute("SET client_encoding = 'LATIN1'")
        let sql = Array("SELECT encode(convert_to('caf".utf8) + [0xE9] + Array("', 'UTF8'), 'hex')".utf8)
        #expect(try connection.execute(bytes: sql)[0, 0] == "636166c3a9")
        let error = #expect(throws: PostgresError.self) { try connection.execute(bytes: Array("SELECT 1".utf8) + [0]) }
        #expect(error?.description.contains("NUL byte") == true)
    }

    @Test func executeEachHandsOnEveryStatementsResultInOrder() throws {
        let connection = try SharedServer.connect()
        try connection.execute("CREATE TEMP TABLE each_one (id int)")
        var tags: [String] = []
        try connection.executeEach(bytes: Array("INSERT INTO each_one VALUES (1); -- one\nINSERT INTO each_one VALUES (2), (3);SELECT 7".utf8)) {
            tags.append($0.commandTag)
        }
        #expect(tags == ["INSERT 0 1", "INSERT 0 2", "SELECT 1"])
        #expect(try connection.execute("SELECT count(*) FROM each_one")[0, 0] == "3")
    }

    /// The server stops at the failed statement. Outside a transaction block the
    /// batch is one implicit transaction, so the INSERT before it is undone too,
    /// though its result was handed on.
    @Test func executeEachStopsAtTheFailedStatementAndLeavesTheConnectionReady() throws {
        let connection = try SharedServer.connect()
        try connection.execute("CREATE TEMP TABLE each_two (id int PRIMARY KEY)")
        var tags: [String] = []
        let error = #expect(throws: PostgresError.self) {
            try connection.executeEach(bytes: Array("INSERT INTO each_two VALUES (1); INSERT INTO each_two VALUES (1); INSERT INTO each_two VALUES (2);".utf8)) {
                tags.append($0.commandTag)
            }
        }
        #expect(error?.sqlState == "23505")
        #expect(tags == ["INSERT 0 1"])
        #expect(try connection.execute("SELECT count(*) FROM each_two")[0, 0] == "0")

        let thrown = #expect(throws: PostgresError.self) {
            try connection.executeEach(bytes: Array("SELECT 1; COPY each_two FROM STDIN; SELECT 2".utf8)) { _ in }
        }
        #expect(thrown?.description.contains("copyIn") == true)
        #expect(try connection.execute("SELECT 3")[0, 0] == "3")
        #expect(throws: PostgresError.self) { try connection.executeEach(bytes: [0x53, 0]) { _ in } }
    }

    @Test(arguments: [
        ("SELECT * FROM nope", "42P01", #"ERROR 42P01: relation "nope" does not exist"#),
        ("SELECT 1/0", "22012", "ERROR 22012: division by zero"),
        ("SELEC 1", "42601", #"ERROR 42601: syntax error at or near "SELEC""#),
    ])
    func failingStatementMapsToSQLState(sql: String, sqlState: String, description: String) throws {
        let connection = try SharedServer.connect()
        let error = #expect(throws: PostgresError.self) { try connection.execute(sql) }
        #expect(error?.code == .server)
        #expect(error?.sqlState == sqlState)
        #expect(error?.severity == "ERROR")
        #expect(error?.description == description)
        #expect(try connection.execute("SELECT 1")[0, 0] == "1")
    }

    @Test func uniqueViolationCarriesDetailButDescriptionHidesValues() throws {
        let connection = try SharedServer.connect()
        try connection.execute("CREATE TEMP TABLE unique_rows (id int PRIMARY KEY)")
        try connection.execute("INSERT INTO unique_rows VALUES ($1)", ["12345"])
        let error = #expect(throws: PostgresError.self) { try connection.execute("INSERT INTO unique_rows VALUES ($1)", ["12345"]) }
        #expect(error?.sqlState == "23505")
        #expect(error?.detail == "Key (id)=(12345) already exists.")
        #expect(error?.description == #"ERROR 23505: duplicate key value violates unique constraint "unique_rows_pkey""#)
    }

    @Test func undefinedFunctionCarriesHint() throws {
        let connection = try SharedServer.connect()
        let error = #expect(throws: PostgresError.self) { try connection.execute("SELECT no_such_function(1)") }
        #expect(error?.sqlState == "42883")
        #expect(error?.hint?.hasPrefix("No function matches the given name and argument types.") == true)
    }

    @Test func executeRefusesCopyAndStaysUsable() throws {
        let connection = try SharedServer.connect()
        #expect(throws: PostgresError.self) { try connection.execute("COPY (SELECT generate_series(1, 100000000)) TO STDOUT") }
        try connection.execute("CREATE TEMP TABLE copy_target (id int)")
        #expect(throws: PostgresError.self) { try connection.execute("COPY copy_target FROM STDIN") }
        #expect(try connection.execute("SELECT count(*) FROM copy_target")[0, 0] == "0")
    }

    @Test func refusesNULBytes() throws {
        let connection = try SharedServer.connect()
        let error = #expect(throws: PostgresError.self) { try connection.execute("SELECT $1", ["a\u{0}b"]) }
        #expect(error?.code == .invalidArgument)
        #expect(throws: PostgresError.self) { try connection.execute("SELECT \("a\u{0}b".sqlLiteral)") }
    }

    static let awkwardStrings = [
        "plain", "", "with space", "double\"quote", "single'quote", #"back\slash"#, #"\\"#, "'; DROP TABLE x; --",
        "naïve 日本語 😀", "tab\tnew\nline", "MixedCase", "\"", "'", "a\"\u{301}b", "a'\u{301}b",
    ]

    @Test(arguments: awkwardStrings)
    func sqlLiteralRoundTrips(text: String) throws {
        let connection = try SharedServer.connect()
        #expect(try connection.execute("SELECT \(text.sqlLiteral)")[0, 0] == text)
    }

    @Test(arguments: awkwardStrings.filter { !$0.isEmpty })
    func sqlIdentifierRoundTrips(name: String) throws {
        let connection = try SharedServer.connect()
        let quoted = name.sqlIdentifier
        try connection.execute("CREATE TEMP TABLE \(quoted) (\(quoted) int)")
        let result = try connection.execute("SELECT \(quoted) FROM \(quoted)")
        #expect(result.columnName(0) == name)
        let found = try connection.execute("SELECT relname FROM pg_class WHERE relname = $1 AND relpersistence = 't'", [name])
        #expect(found.rows == [[name]])
    }
}
