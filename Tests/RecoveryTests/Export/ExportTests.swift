import Foundation
import PostgresAccess
import Recovery
import ScalpelArchive
import Support
import TestSupport
import Testing

/// `export` against the server's own output: a database with the demo application
/// and a table of every awkward type, dumped by `backup`, then exported without a
/// server and compared with what the server writes for the same rows.
@Suite struct ExportTests {
    @Test func csvIsWhatTheServerWritesForEveryTable() throws {
        let fixture = try ExportFixture.shared()
        let connection = try fixture.connect()
        for table in fixture.reader.index.tables where fixture.hasData(table) {
            let exported = try fixture.export(table.description.quotedPattern)
            let columns = try #require(exported.summary.tables.first?.columns)
            let list = columns.map { "\"\($0.replacingOccurrences(of: "\"", with: "\"\""))\"" }.joined(separator: ", ")
            // ONLY: an inheritance parent's own rows; a partitioned table has none of its own.
            let only = fixture.reader.index.dataSection(of: table) == nil ? "" : "ONLY "
            let name = "\"\(table.schema!)\".\"\(table.name)\""
            var expected: [UInt8] = []
            try connection.copyOut("COPY (SELECT \(list) FROM \(only)\(name)) TO STDOUT (FORMAT csv, HEADER)") { expected += $0 }
            #expect(exported.bytes == expected, "\(table)")
        }
    }

    @Test func csvQuotesBackslashPeriodOnlyWhenItIsTheOnlyColumn() throws {
        let fixture = try ExportFixture.shared()
        let connection = try fixture.connect()
        for columns in [["v"], ["v", "id"], ["id"]] {
            var expected: [UInt8] = []
            try connection.copyOut("COPY (SELECT \(columns.joined(separator: ", ")) FROM dots) TO STDOUT (FORMAT csv, HEADER)") {
                expected += $0
            }
            #expect(try fixture.export("public.dots", columns: columns).bytes == expected, "\(columns)")
        }
        #expect(try fixture.export("public.dots", columns: ["v"]).text.contains("\n\"\\.\"\n"))
        #expect(try fixture.export("public.dots", columns: ["v", "id"]).text.contains("\n\\.,2\n"))
    }

    @Test func jsonLinesAreTypedFromTheTableDefinition() throws {
        let fixture = try ExportFixture.shared()
        let lines = try fixture.export("public.kinds", format: .jsonl).text.split(separator: "\n")
        #expect(lines.count == 4)
        let rows = try lines.map { line in
            try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
        }
        // Keys in column order.
        #expect(lines[0].hasPrefix(#"{"id":1,"tz":"2026-03-01 12:30:00.123456+00","ts":"#))

        let full = rows[0]
        #expect(full["b"] as? Bool == true)
        #expect((full["r"] as? NSNumber)?.floatValue == 1.5)
        #expect(lines[0].contains(#""n":12345678901234567890.12345678901234567890,"#))
        #expect(lines[0].contains(#""nn":-0.000000000000000000000000000001,"#))
        #expect(full["p"] as? Int == 7)
        #expect(full["m"] as? String == "o'k")
        #expect(full["bytes"] as? String == "\\x00ff5c")
        #expect(lines[0].contains(#""ia":[1,null,-3],"#))
        #expect(lines[0].contains(#""ta":["a b","c\"d",null,"NULL","","{}","back\\slash"],"#))
        #expect(lines[0].contains(#""nested":[[1,2],[3,4]],"#))
        #expect(lines[0].contains(#""ba":["\\x01",null],"#))
        #expect(lines[0].contains(#""tg":["x","y"],"#))
        #expect(lines[0].contains(#""ja":[{"a": 1},[true]],"#))
        let document = try #require(full["jb"] as? [String: Any])
        #expect(document["c"] as? String == "x\ny")
        #expect(((document["a"] as? [Any])?[1] as? [String: Any])?["b"] is NSNull)
        let json = try #require(full["j"] as? [String: Any])
        #expect(json["k"] as? [Int] == [1, 2])
        #expect(full["t"] as? String == "tab\there, new\nline, back\\slash, \"quote\", comma, é日本 \u{1F600}")

        let floats = rows[1]
        #expect(floats["r"] as? String == "NaN")
        #expect(floats["dp"] as? String == "-Infinity")
        #expect(floats["nn"] as? String == "NaN")
        #expect(lines[1].contains(#""fa":[-0,"Infinity","NaN",1e+100],"#))
        #expect(floats["b"] as? Bool == false)
        #expect(floats["t"] as? String == "")

        let empty = rows[2]
        for column in ["tz", "n", "b", "bytes", "ia", "jb", "j", "u", "m", "p", "t"] {
            #expect(empty[column] is NSNull, "\(column)")
        }
        #expect(rows[3]["ia"] as? [Int] == [])
        #expect(lines[3].contains(#""r":-0,"#))

        let base64 = try fixture.export("public.kinds", format: .jsonl, bytea: .base64).text.split(separator: "\n")
        let decoded = try #require(try JSONSerialization.jsonObject(with: Data(base64[0].utf8)) as? [String: Any])
        #expect(decoded["bytes"] as? String == "AP9c")
        #expect(base64[0].contains(#""ba":["AQ==",null],"#))
    }

    @Test func jsonLinesFollowInheritedColumnsAndDomains() throws {
        let fixture = try ExportFixture.shared()
        let line = try fixture.export("public.derived", format: .jsonl).text
        #expect(line == #"{"id":1,"flag":true,"note":"child"}"# + "\n")
    }

    @Test func insertStatementsLoadTheSameRows() throws {
        let fixture = try ExportFixture.shared()
        let tables = ["public.accounts", "public.users", "public.messages", "public.audit_logs", "public.kinds", "public.dots",
                      "public.pairs", "public.derived"]
        let copy = "export_copy_\(UUID().uuidString.prefix(8).lowercased())"
        let admin = try Connection(fixture.server.target)
        try admin.execute("CREATE DATABASE \(copy) TEMPLATE \(fixture.database)")
        let target = try Connection(fixture.server.target(database: copy))
        try target.execute("SET client_min_messages = warning; TRUNCATE \(tables.joined(separator: ", ")) CASCADE")
        for table in tables {
            let file = NSTemporaryDirectory() + "pgscalpel-export-\(UUID().uuidString).sql"
            defer { unlink(file) }
            try Data(try fixture.export(table, format: .sql).bytes).write(to: URL(fileURLWithPath: file))
            let psql = try ServerBinaries.locate().require(.psql)
            let outcome = try CLI.run(psql, ["-X", "-q", "-v", "ON_ERROR_STOP=1", "-h", fixture.server.socketDirectory,
                                             "-p", String(fixture.server.port), "-U", "postgres", "-d", copy, "-f", file],
                                      environment: ["PGOPTIONS": "-c session_replication_role=replica"])
            #expect(outcome.status == 0, "\(table): \(outcome.errors)")
        }
        let source = try fixture.connect()
        for table in tables {
            #expect(try fixture.copyText(of: table, via: target) == fixture.copyText(of: table, via: source), "\(table)")
        }
        let sql = try fixture.export("public.users", format: .sql).text
        #expect(sql.contains("OVERRIDING SYSTEM VALUE VALUES ("))
        #expect(sql.hasPrefix("SET client_encoding = 'UTF8';\nSET standard_conforming_strings = on;\nINSERT INTO public.users ("))
    }

    @Test func copyFormatIsTheArchivesCopyBlock() throws {
        let fixture = try ExportFixture.shared()
        for table in ["public.kinds", "public.users", "public.messages"] {
            let relation = QualifiedName(schema: "public", name: String(table.dropFirst(7)))
            let section = try #require(fixture.reader.index.dataSection(of: relation))
            let text = String(decoding: try fixture.reader.text(of: section), as: UTF8.self)
            let start = try #require(text.range(of: "COPY "))
            let end = try #require(text.range(of: "\n\\.\n"))
            #expect(try fixture.export(table, format: .copy).text == String(text[start.lowerBound..<end.upperBound]))
        }
        let chosen = try fixture.export("public.messages", format: .copy, columns: ["body", "id"]).text.split(separator: "\n")
        #expect(chosen.first == "COPY public.messages (body, id) FROM stdin;")
        #expect(chosen[1].hasPrefix("Message number 1 says c4ca4238a0b923820dcc509a6f75849b\t1"))
        #expect(chosen.last == "\\.")
    }

    @Test func keyFindsExactlyTheRowsAskedFor() throws {
        let fixture = try ExportFixture.shared()
        let one = try fixture.export("users", format: .jsonl, keys: ["42"])
        let rows = one.text.split(separator: "\n")
        #expect(rows.count == 1)
        #expect(rows.first?.hasPrefix(#"{"id":42,"account_id":43,"email":"user42@example.com""#) == true)

        let several = try fixture.export("users", columns: ["id", "email"], keys: ["7", "4999", "9999"])
        #expect(several.text == "id,email\n7,user7@example.com\n4999,user4999@example.com\n")
        #expect(several.summary.missingKeys == ["9999"])

        // Composite key, on a partitioned table: the rows come from its partitions.
        let composite = try fixture.export("audit_logs", columns: ["id", "action"],
                                           keys: ["100,2026-01-03 02:00:00+00", "7000,2026-05-26 20:00:00+00"])
        #expect(composite.text == "id,action\n100,update\n7000,update\n")
        #expect(composite.summary.missingKeys.isEmpty)

        let quoted = try fixture.export("pairs", keys: [#""x,y",2"#, #""say ""hi""",1"#])
        #expect(quoted.text == "a,b,note\n\"x,y\",2,comma\n\"say \"\"hi\"\"\",1,quotes\n")
        #expect(throws: UsageError.self) { try fixture.export("pairs", keys: ["x"]) }
        // Spaces around a part are not part of it; an unfinished quote is an error, not a value.
        #expect(try fixture.export("pairs", keys: [#" "x,y" , 2 "#]).text == quoted.text.split(separator: "\n").prefix(2).joined(separator: "\n") + "\n")
        #expect(throws: UsageError.self) { try fixture.export("pairs", keys: [#""x,y,2"#]) }
        #expect(throws: UsageError.self) { try fixture.export("dots", keys: ["1"]) }
    }

    @Test func columnsChooseAndOrder() throws {
        let fixture = try ExportFixture.shared()
        let text = try fixture.export("accounts", columns: ["plan", "id"], keys: ["3"]).text
        #expect(text == "plan,id\nfree,3\n")
        #expect(throws: UsageError.self) { try fixture.export("accounts", columns: ["nope"]) }
        #expect(throws: UsageError.self) { try fixture.export("messages", columns: ["body_length"]) }
        #expect(throws: UsageError.self) { try fixture.export("accounts", columns: ["id", "id"]) }
        #expect(throws: UsageError.self) { try fixture.export("no_such_table") }
        #expect(try CommaList.columnNames(#"id, "Some Col" ,PLAN,"a""b",x y"#) == ["id", "Some Col", "plan", "a\"b", "x y"])
        #expect(throws: UsageError.self) { try CommaList.columnNames("id,,plan") }
        #expect(throws: UsageError.self) { try CommaList.columnNames(#"id,"Some Col"#) }
    }

    @Test func severalTablesGoToAFolderWithAManifest() throws {
        let fixture = try ExportFixture.shared()
        let folder = NSTemporaryDirectory() + "pgscalpel-export-\(UUID().uuidString)"
        defer { try? FileManager.default.removeItem(atPath: folder) }
        var export = Export(archive: fixture.archive, tables: [try TablePattern("accounts"), try TablePattern("audit_log*")])
        export.formats = [.jsonl]
        #expect(throws: UsageError.self) { try export.run() }
        export.output = folder
        let summary = try export.run()
        #expect(summary.tables.map(\.rows) == [200, 8000, 8000, 0])
        let files = try FileManager.default.contentsOfDirectory(atPath: folder).sorted()
        #expect(files == ["manifest.json", "public.accounts.jsonl", "public.audit_logs.jsonl",
                          "public.audit_logs_2026_h1.jsonl", "public.audit_logs_2026_h2.jsonl"])
        let manifest = try #require(try JSONSerialization.jsonObject(
            with: Data(contentsOf: URL(fileURLWithPath: folder + "/manifest.json"))) as? [String: Any])
        #expect(manifest["format"] as? String == "jsonl")
        #expect(manifest["archive"] as? String == fixture.archive)
        #expect(manifest["dumpCompletedAt"] as? String == fixture.reader.index.dump.completedAt)
        #expect(manifest["database"] as? String == fixture.database)
        let tables = try #require(manifest["tables"] as? [[String: Any]])
        #expect(tables.map { $0["file"] as? String } == ["public.accounts.jsonl", "public.audit_logs.jsonl",
                                                         "public.audit_logs_2026_h1.jsonl", "public.audit_logs_2026_h2.jsonl"])
        #expect(tables.first?["rows"] as? Int == 200)
        let accounts = try String(contentsOfFile: folder + "/public.accounts.jsonl", encoding: .utf8)
        #expect(accounts.split(separator: "\n").count == 200)
    }

    @Test func rowsSplitAcrossSmallMembersComeOutTheSame() throws {
        let fixture = try ExportFixture.shared()
        let small = NSTemporaryDirectory() + "pgscalpel-export-\(UUID().uuidString).scalpel.sql.gz"
        defer { unlink(small) }
        let sink = try AtomicFileSink(path: small)
        let builder = try ArchiveBuilder(sink: sink, memberLimit: 16 << 10)
        for section in fixture.reader.index.sections {
            try fixture.reader.read(section) { chunk in try chunk.withUnsafeBytes { try builder.consume($0) } }
        }
        _ = try builder.finish(dump: fixture.reader.index.dump)
        try sink.commit()
        let reader = try ArchiveReader(path: small)
        #expect(reader.index.dataSection(of: QualifiedName(schema: "public", name: "messages"))!.memberCount > 50)
        for format in ExportFormat.allCases {
            var export = Export(archive: small, tables: [try TablePattern("messages")])
            export.formats = [format]
            let collected = MemorySink()
            _ = try export.write(reader: reader, to: collected)
            #expect(collected.bytes == (try fixture.export("messages", format: format).bytes), "\(format)")
        }
    }
}

extension String {
    /// A relation's `schema.name` as a `-t` pattern that matches only it.
    fileprivate var quotedPattern: String {
        split(separator: ".", maxSplits: 1).map { "\"\($0)\"" }.joined(separator: ".")
    }
}
