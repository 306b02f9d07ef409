import Foundation
import TestSupport
import Testing

/// `export` of dumps written in a client-only encoding (`pg_dump --encoding=SJIS`),
/// where a multibyte character can end in the byte of `\`: the server leaves such
/// characters unescaped in COPY text, and export must read them, and write CSV,
/// the way the server does.
@Suite struct ExportEncodingTests {
    /// Per encoding, characters whose last byte there is 0x5C (GB18030's ÿ is four
    /// bytes, two of them digits; UHC has no such character, so 한 stands in).
    private static let characters: [(encoding: String, characters: [String])] = [
        ("SJIS", ["ソ", "表", "能"]), ("BIG5", ["么", "功"]), ("GBK", ["乗"]), ("GB18030", ["㘎", "ÿ"]),
        ("UHC", ["한"]), ("JOHAB", ["ヌ"]),
    ]

    /// Values that put the 0x5C byte before everything COPY text and CSV treat specially.
    private static func values(_ x: String) -> [String?] {
        [x, "\(x)n", "\(x)t\t\(x)", "\(x)N", "\(x)\\", "\\\(x)", "a,\(x)", "\"\(x)\"", "\(x)\n\(x)", "\(x)\r",
         "\(x)\(x)\\\\\(x)", "\(x)1\\2", "\(x).", "", nil]
    }

    private static func literal(_ value: String?) -> String {
        value.map { "'" + $0.replacingOccurrences(of: "'", with: "''") + "'" } ?? "NULL"
    }

    @discardableResult
    private static func psql(_ database: String, _ arguments: [String]) throws -> CLI.Outcome {
        let outcome = try CLI.run("psql", ["-X", "-q", "-v", "ON_ERROR_STOP=1", "-d", database] + arguments,
                                  environment: TestServer.environment())
        guard outcome.status == 0 else { throw TestFailure("psql \(arguments): \(outcome.errors)") }
        return outcome
    }

    @Test func csvAndSQLMatchTheServerInEveryClientOnlyEncoding() throws {
        let scratch = try ScratchFolder()
        let environment = try TestServer.environment()
        let source = try TestServer.makeDatabase("enc_src")
        let loaded = try TestServer.makeDatabase("enc_sql")
        for (encoding, characters) in Self.characters {
            let table = "t_\(encoding.lowercased())"
            let definition = "CREATE TABLE \(table) (id int PRIMARY KEY, a text, b text)"
            var rows: [String] = []
            for (number, value) in characters.flatMap(Self.values).enumerated() {
                rows.append("(\(number), \(Self.literal(value)), \(Self.literal(value.map { "z" + $0 })))")
            }
            try Self.psql(source, ["-c", definition, "-c", "INSERT INTO \(table) VALUES \(rows.joined(separator: ", "))"])
            try Self.psql(loaded, ["-c", definition])

            let archive = scratch.file("\(table).scalpel.sql.gz")
            let packed = try CLI.shell("pg_dump --encoding=\(encoding) -t \(table) -d \(source) | '\(CLI.pgscalpel)' pack -f '\(archive)'",
                                       environment: environment)
            try #require(packed.status == 0, "\(encoding): \(packed.errors)")

            let csv = try CLI.pgscalpel(["export", archive, "-t", table])
            let expected = try Self.psql(source, ["-c", "SET client_encoding TO \(encoding)",
                                                  "-c", "COPY \(table) TO STDOUT (FORMAT csv, HEADER)"])
            #expect(csv.status == 0, "\(encoding): \(csv.errors)")
            #expect(csv.output.count > 150 && csv.output == expected.output, "\(encoding)")

            // JSON Lines are UTF-8: each value comes back as it was inserted.
            let lines = try CLI.pgscalpel(["export", archive, "-t", table, "--format", "jsonl"])
            #expect(lines.status == 0, "\(encoding): \(lines.errors)")
            let objects = try lines.text.split(separator: "\n").map {
                try #require(try JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any])
            }
            #expect(objects.map { $0["a"] as? String } == characters.flatMap(Self.values), "\(encoding)")

            // The server rejects its own JOHAB when it reads it (it wants each later byte
            // from 0xA1 up), so that text cannot be loaded back, by any means.
            guard encoding != "JOHAB" else { continue }
            let sql = scratch.file("\(table).sql")
            let inserts = try CLI.pgscalpel(["export", archive, "-t", table, "--format", "sql", "-o", sql])
            #expect(inserts.status == 0, "\(encoding): \(inserts.errors)")
            try Self.psql(loaded, ["-f", sql])
            let copy = "COPY (SELECT * FROM \(table) ORDER BY id) TO STDOUT"
            #expect(try Self.psql(loaded, ["-c", copy]).output == Self.psql(source, ["-c", copy]).output, "\(encoding)")
        }
        // The case the encodings are for: pg_dump left the \ that ends ソ unescaped.
        let block = try CLI.pgscalpel(["export", scratch.file("t_sjis.scalpel.sql.gz"), "-t", "t_sjis", "--format", "copy"])
        #expect(Array(block.output).firstRange(of: [0x09, 0x83, 0x5C, 0x6E, 0x09]) != nil)
    }

    /// With --where the rows come from a server whose session has the dump's
    /// client_encoding: its COPY text goes through the same reading.
    @Test func whereReadsTheServersSJISText() throws {
        let scratch = try ScratchFolder()
        let source = try TestServer.makeDatabase("enc_where")
        let rows = Self.values("ソ").enumerated().map { "(\($0.offset), \(Self.literal($0.element)))" }
        try Self.psql(source, ["-c", "CREATE TABLE t (id int PRIMARY KEY, a text)",
                               "-c", "INSERT INTO t VALUES \(rows.joined(separator: ", "))"])
        let archive = scratch.file("t.scalpel.sql.gz")
        let packed = try CLI.shell("pg_dump --encoding=SJIS -d \(source) | '\(CLI.pgscalpel)' pack -f '\(archive)'",
                                   environment: TestServer.environment())
        try #require(packed.status == 0, "\(packed.errors)")
        let exported = try CLI.pgscalpel(["export", archive, "-t", "t", "--where", "id % 2 = 0"],
                                         environment: ["TMPDIR": scratch.path])
        let expected = try Self.psql(source, ["-c", "SET client_encoding TO SJIS",
                                              "-c", "COPY (SELECT * FROM t WHERE id % 2 = 0) TO STDOUT (FORMAT csv, HEADER)"])
        #expect(exported.status == 0, "\(exported.errors)")
        #expect(exported.output.count > 30 && exported.output == expected.output)
    }
}
