import Foundation
import TestSupport
import Testing

/// `diff` of dumps written in another encoding than the server's (`pg_dump
/// --encoding`): both sides' COPY text arrives in that encoding, whose byte order
/// is not the server's, and in a client-only encoding a character can end in the
/// byte of `\`. Keys are text, so the merge depends on both.
@Suite struct DiffEncodingTests {
    /// Characters whose last byte is 0x5C where there is one (as in
    /// ExportEncodingTests), and some that the encoding orders otherwise than
    /// UTF-8 does: in SJIS 'Ａ' and '①' sort before 'ア', in WIN1252 '€' before 'é'.
    private static let cases: [(encoding: String, characters: [String], sidecar: Bool)] = [
        ("SJIS", ["ソ", "表", "能", "ア", "Ａ", "ｱ", "①"], true), ("BIG5", ["么", "功", "一"], false),
        ("GBK", ["乗", "一", "Ａ"], false), ("GB18030", ["㘎", "ÿ", "一"], false), ("UHC", ["한", "가"], false),
        ("WIN1252", ["é", "€", "Ÿ"], true),
    ]

    private static func literal(_ value: String) -> String {
        "'" + value.replacingOccurrences(of: "'", with: "''") + "'"
    }

    @discardableResult
    private static func psql(_ database: String, _ sql: String) throws -> CLI.Outcome {
        let outcome = try CLI.run("psql", ["-X", "-q", "-v", "ON_ERROR_STOP=1", "-d", database, "-c", sql],
                                  environment: TestServer.environment())
        guard outcome.status == 0 else { throw TestFailure("psql \(sql): \(outcome.errors)") }
        return outcome
    }

    private static func document(_ outcome: CLI.Outcome) throws -> (summary: [String: Any], differences: [[String: Any]]) {
        let document = try #require(try JSONSerialization.jsonObject(with: outcome.output) as? [String: Any])
        return (try #require(document["summary"] as? [String: Any]), try #require(document["differences"] as? [[String: Any]]))
    }

    /// A table stored in the encoding's key order is read straight from the archive;
    /// one stored in no order goes through a sidecar (for two of the encodings: it
    /// takes a server each time). Either way an untouched table
    /// has no differences, and one changed row, one deleted and one inserted are
    /// found as exactly that.
    @Test func findsExactlyTheChangesWhateverTheDumpsEncoding() throws {
        let scratch = try ScratchFolder()
        let environment = try TestServer.environment()
        let database = try TestServer.makeDatabase("diff_enc")
        for (encoding, characters, sidecar) in Self.cases {
            let keys = characters.flatMap { [$0, "\($0)a", "a\($0)", "\($0)\\", "\($0)\t\($0)"] } + ["a", "z", "\\", "a\tb"]
            let values = keys.enumerated().map { "(\(Self.literal($0.element)), \($0.offset))" }.joined(separator: ", ")
            let source = "src_\(encoding.lowercased())", sorted = "s_\(encoding.lowercased())", unsorted = "u_\(encoding.lowercased())"
            try Self.psql(database, "CREATE TABLE \(source) (w text, n int); INSERT INTO \(source) VALUES \(values)")
            for (table, order) in [(sorted, "convert_to(w, '\(encoding)')"), (unsorted, "md5(w)")] {
                try Self.psql(database, "CREATE TABLE \(table) (w text PRIMARY KEY, n int); "
                    + "INSERT INTO \(table) SELECT * FROM \(source) ORDER BY \(order)")
            }
            // pg_dump writes in PGCLIENTENCODING when it is set, as with --encoding.
            let archive = scratch.file("\(encoding).scalpel.sql.gz")
            var dumpEnvironment = environment
            dumpEnvironment["PGCLIENTENCODING"] = encoding
            let backup = try CLI.pgscalpel(["backup", "-d", database, "-t", sorted, "-t", unsorted, "-f", archive],
                                           environment: dumpEnvironment)
            try #require(backup.status == 0, "\(encoding): \(backup.errors)")

            for table in sidecar ? [sorted, unsorted] : [sorted] {
                func diff() throws -> CLI.Outcome {
                    try CLI.pgscalpel(["diff", archive, "-t", table, "--against", database, "--format", "json"],
                                      environment: environment)
                }
                let untouched = try diff()
                try #require(untouched.status == 0, "\(encoding) \(table): \(untouched.errors)")
                let readFrom = try Self.document(untouched).summary["backupReadFrom"] as? String
                #expect((readFrom == "the archive") == (table == sorted), "\(encoding) \(table): read from \(readFrom ?? "?")")

                let first = characters[0]
                try Self.psql(database, "UPDATE \(table) SET n = -1 WHERE w = \(Self.literal(first)); "
                    + "DELETE FROM \(table) WHERE w = \(Self.literal("\(first)a")); "
                    + "INSERT INTO \(table) VALUES (\(Self.literal("zz\(first)\\")), 0)")
                let changed = try diff()
                try #require(changed.status == 1, "\(encoding) \(table): \(changed.errors)")
                let (counts, differences) = try Self.document(changed)
                #expect([counts["deleted"], counts["inserted"], counts["changed"]].map { $0 as? Int } == [1, 1, 1],
                        "\(encoding) \(table): \(counts)")
                // JSON is UTF-8: the keys come back as they were written, whatever the dump's encoding.
                let keys = differences.map { "\($0["change"] ?? "")=\(($0["key"] as? [String: Any])?["w"] ?? "")" }.sorted()
                #expect(keys == ["changed=\(first)", "deleted=\(first)a", "inserted=zz\(first)\\"], "\(encoding) \(table)")
            }
        }
    }
}
