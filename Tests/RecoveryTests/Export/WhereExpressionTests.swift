import Foundation
import PostgresAccess
import Recovery
import ScalpelArchive
import TestSupport
import Testing

/// `export --where` against the server's own output for the same query on the
/// database the archive was dumped from, and against the serverless export of the
/// same rows, which every format must equal byte for byte.
@Suite struct WhereExpressionTests {
    @Test func rowsAreTheOnesTheServerChooses() throws {
        let fixture = try ExportFixture.shared()
        let connection = try fixture.connect()
        let cases = [
            ("public.users", "id % 7 = 0"),
            ("public.users", "lower(email) LIKE 'user1%@example.com' AND score IS NOT NULL"),
            ("public.audit_logs", "date_trunc('month', happened_at) = '2026-03-01 00:00:00+00' OR action = 'delete'"),
        ]
        for (table, condition) in cases {
            let exported = try export(table, where: condition)
            let columns = try #require(exported.summary.tables.first?.columns).joined(separator: ", ")
            var expected: [UInt8] = []
            try connection.copyOut("COPY (SELECT \(columns) FROM \(table) WHERE \(condition)) TO STDOUT (FORMAT csv, HEADER)") {
                expected += $0
            }
            #expect(exported.bytes == expected, "\(table) WHERE \(condition)")
            #expect(exported.summary.tables.first?.rows ?? 0 > 0, "\(table) WHERE \(condition)")
            #expect(exported.summary.tables.first?.where == condition)
        }
    }

    @Test func everyFormatIsTheServerlessExportOfTheSameRows() throws {
        let fixture = try ExportFixture.shared()
        // All rows of the tables with every awkward type, an inheritance parent and
        // child, and a partitioned table; and users chosen both ways.
        let whole = ["public.kinds", "public.dots", "public.pairs", "public.base", "public.derived", "public.audit_logs"]
        for format in ExportFormat.allCases {
            let folder = NSTemporaryDirectory() + "pgscalpel-where-\(UUID().uuidString)"
            defer { try? FileManager.default.removeItem(atPath: folder) }
            var export = Export(archive: fixture.archive, tables: try (whole + ["public.users"]).map(TablePattern.init))
            export.wheres = whole.map { _ in "true" } + ["id IN (7, 42, 4999)"]
            export.formats = [format]
            export.output = folder
            let summary = try export.run()
            for (table, file) in zip(summary.tables.map(\.table.description), summary.tables.compactMap(\.files.first)) {
                let written = try [UInt8](Data(contentsOf: URL(fileURLWithPath: file)))
                let keys = table == "public.users" ? ["7", "42", "4999"] : []
                #expect(written == (try fixture.export(table, format: format, keys: keys).bytes), "\(table) as \(format)")
            }
            let manifest = try #require(try JSONSerialization.jsonObject(
                with: Data(contentsOf: URL(fileURLWithPath: folder + "/manifest.json"))) as? [String: Any])
            let tables = try #require(manifest["tables"] as? [[String: Any]])
            #expect(tables.last?["where"] as? String == "id IN (7, 42, 4999)")
            #expect(tables.last?["rows"] as? Int == 3)
        }
    }

    @Test func columnsChooseAndOrderTheFilteredRows() throws {
        let exported = try export("users", where: "id <= 3 OR id = 4999", columns: ["email", "id"])
        #expect(exported.text == "email,id\nuser1@example.com,1\nuser2@example.com,2\nuser3@example.com,3\n"
            + "user4999@example.com,4999\n")
        #expect(throws: UsageError.self) { try export("users", where: "true", columns: ["nope"]) }
    }

    @Test func anExpressionThatCouldDoMoreThanFilterIsRefusedUnsent() throws {
        let smuggled = [
            "true)) TO PROGRAM 'touch /tmp/pgscalpel-smuggled' --",
            "id = 1; DELETE FROM users",
            "note = 'unterminated",
            "note = $$ unterminated",
            "id = 1 /* open comment",
            "(id = 1",
            "  ",
        ]
        for condition in smuggled {
            let error = #expect(throws: UsageError.self, "\(condition)") { try export("users", where: condition) }
            #expect(error?.description.hasPrefix("--where") == true, "\(condition)")
        }
        // Parentheses, semicolons and comment openers inside quotes and comments are text.
        let quoted = "email <> ';)' AND display_name <> $$ (( $$ -- )\n AND id = 5 /* ( */"
        #expect(try export("users", where: quoted).summary.tables[0].rows == 1)
    }

    @Test func theServersMessageNamesWhatIsWrongAndNoFileIsLeft() throws {
        let folder = NSTemporaryDirectory() + "pgscalpel-where-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let cases = [("id = = 1", "syntax error at or near \"=\""), ("nope = 1", "column \"nope\" does not exist"),
                     ("id / (id - 50) > 0", "division by zero")]
        for (condition, message) in cases {
            let error = #expect(throws: UsageError.self) { try export("users", where: condition, output: folder + "/users.csv") }
            #expect(error?.description == "--where \(condition): \(message)")
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder).isEmpty)
    }

    @Test func aSidecarDatabaseIsOnlyRead() throws {
        let fixture = try ExportFixture.shared()
        let database = ExportSidecar.database(fixture.server.target(database: fixture.database))
        let condition = "id % 7 = 0"
        #expect(try export("users", where: condition, sidecar: database).bytes == (try export("users", where: condition).bytes))

        let before = try fixture.connect().execute("SELECT last_value FROM accounts_id_seq")[0, 0]
        let error = #expect(throws: UsageError.self) {
            try export("accounts", where: "nextval('accounts_id_seq') > 0", sidecar: database)
        }
        #expect(error?.description.contains("read-only transaction") == true, "\(error?.description ?? "")")
        #expect(try fixture.connect().execute("SELECT last_value FROM accounts_id_seq")[0, 0] == before)

        let empty = "export_where_empty_\(UUID().uuidString.prefix(8).lowercased())"
        try fixture.server.createDatabase(empty)
        let missing = #expect(throws: UsageError.self) {
            try export("users", where: "true", sidecar: .database(fixture.server.target(database: empty)))
        }
        #expect(missing?.description.hasPrefix("public.users is not in the sidecar database") == true)
    }

    private func export(_ table: String, where condition: String, columns: [String]? = nil, sidecar: ExportSidecar = .auto,
                        output: String? = nil) throws -> ExportFixture.Exported {
        let fixture = try ExportFixture.shared()
        var export = Export(archive: fixture.archive, tables: [try TablePattern(table)])
        export.wheres = [condition]
        export.columns = columns
        export.sidecar = sidecar
        guard let output else {
            let sink = MemorySink()
            let summary = try export.write(reader: fixture.reader, to: sink)
            return ExportFixture.Exported(bytes: sink.bytes, summary: summary)
        }
        export.output = output
        return ExportFixture.Exported(bytes: [], summary: try export.run())
    }
}
