import Foundation
import TestSupport
import Testing

/// `pgscalpel export` as an operator runs it: output places, exit statuses, one-line errors.
@Suite struct ExportCommandTests {
    /// The awkward fixture packed by the built CLI.
    private static func archive(in scratch: ScratchFolder, of fixture: String = "awkward-verbose.sql") throws -> String {
        let path = scratch.file("awkward.scalpel.sql.gz")
        let packed = try CLI.pgscalpel(["pack", "-f", path],
                                       input: try Data(contentsOf: URL(fileURLWithPath: Fixture.path(fixture))))
        guard packed.status == 0 else { throw TestFailure("pack: \(packed.errors)") }
        return path
    }

    @Test func writesToStandardOutputOrAtomicallyToAFile() throws {
        let scratch = try ScratchFolder()
        let archive = try Self.archive(in: scratch)
        let shown = try CLI.pgscalpel(["export", archive, "-t", "plain", "--key", "2", "--key", "4", "--format", "jsonl"])
        #expect(shown.status == 0)
        #expect(shown.text == #"""
            {"id":2,"note":"new\nline and back\\slash","m":"happy","p":3}
            {"id":4,"note":"héllo 日本 4","m":"ok","p":5}

            """#)
        let file = scratch.file("plain.csv")
        let written = try CLI.pgscalpel(["export", archive, "-t", "public.plain", "--columns", "p,id", "-f", file])
        #expect(written.status == 0 && written.output.isEmpty && written.errors.isEmpty)
        let text = try String(contentsOfFile: file, encoding: .utf8)
        #expect(text.hasPrefix("p,id\n2,1\n3,2\n"))
        #expect(text.split(separator: "\n").count == 1501)
        #expect(try FileManager.default.contentsOfDirectory(atPath: scratch.path).sorted() == ["awkward.scalpel.sql.gz", "plain.csv"])
    }

    @Test func aKeyWithNoRowExitsOne() throws {
        let scratch = try ScratchFolder()
        let archive = try Self.archive(in: scratch)
        let outcome = try CLI.pgscalpel(["export", archive, "-t", "plain", "--key", "3", "--key", "99999"])
        #expect(outcome.status == 1)
        #expect(outcome.text == "id,note,m,p\n3,\"cr\rff\u{0C}bs\u{08}vt\u{0B}\",sad,4\n")
        #expect(outcome.errors == "pgscalpel: no row with key 99999 in public.plain\n")
    }

    @Test func mistakesAreOneLineAndExitTwo() throws {
        let scratch = try ScratchFolder()
        let archive = try Self.archive(in: scratch)
        let cases: [([String], String)] = [
            (["-t", "plain", "--columns", "id,nope"], "no column nope in public.plain"),
            (["-t", "nope"], "no table nope"),
            (["-t", "other.dup", "-t", "plain"], "one file per table needs -o FOLDER"),
            (["-t", "dup"], "dup is ambiguous"),
            (["-t", "plain", "--key", "1", "-t", "empty", "-o", scratch.file("x")], "--columns and --key apply to one table"),
            (["-t", "scratch", "--key", "1"], "no primary key"),
            (["-t", "plain", "--bytea", "base64"], "--bytea applies to --format jsonl"),
            (["-t", "plain", "--format", "xml"], "Please provide one of 'csv', 'jsonl', 'sql' or 'copy'"),
            (["-t", "\"Sales\".\"Order Items\"", "--columns", "total"], "is generated"),
            (["-t", "plain", "--where", "id = 1", "--key", "1"], "--where and --key"),
            (["-t", "plain", "-t", "empty", "--where", "true", "-o", scratch.file("x")], "one --where per -t"),
            (["-t", "plain", "--sidecar", "auto"], "--sidecar goes with --where"),
            (["-t", "plain", "--where", "true)) TO PROGRAM 'touch x' --"], "a ) closes more than the expression opened"),
        ]
        for (arguments, message) in cases {
            let outcome = try CLI.pgscalpel(["export", archive] + arguments)
            #expect(outcome.status == 2, "\(arguments)")
            #expect(outcome.errors.contains(message), "\(arguments): \(outcome.errors)")
            #expect(outcome.errors.split(separator: "\n").count == 1, "\(arguments)")
            #expect(outcome.output.isEmpty, "\(arguments)")
        }
        #expect(!FileManager.default.fileExists(atPath: scratch.file("x")))
    }

    @Test func severalTablesGoIntoAFolder() throws {
        let scratch = try ScratchFolder()
        let archive = try Self.archive(in: scratch)
        let folder = scratch.file("out")
        let outcome = try CLI.pgscalpel(["export", archive, "-t", "*dup", "-t", "ft", "--format", "sql", "-o", folder])
        #expect(outcome.status == 0)
        #expect(outcome.errors == "pgscalpel: public.ft has no data in the archive, skipped\n")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder).sorted()
            == ["manifest.json", "other.dup.sql", "public.dup.sql"])
        let manifest = try #require(try JSONSerialization.jsonObject(
            with: Data(contentsOf: URL(fileURLWithPath: folder + "/manifest.json"))) as? [String: Any])
        #expect((manifest["skipped"] as? [[String: String]])?.first?["name"] == "ft")
        #expect(try String(contentsOfFile: folder + "/other.dup.sql", encoding: .utf8).contains("INSERT INTO other.dup (b) VALUES ("))
    }

    @Test func whereChoosesTheRowsTheServerDoes() throws {
        let scratch = try ScratchFolder()
        let archive = try Self.archive(in: scratch, of: "awkward.sql")
        let database = try TestServer.loadFixture("awkward.sql", prefix: "where_src")
        for condition in ["id % 7 = 0", "lower(note) LIKE '%héllo%' AND p > 100"] {
            let exported = try CLI.pgscalpel(["export", archive, "-t", "plain", "--where", condition],
                                             environment: ["TMPDIR": scratch.path])
            let expected = try CLI.run("psql", ["-X", "-d", database, "-c",
                                                "COPY (SELECT id, note, m, p FROM plain WHERE \(condition)) TO STDOUT (FORMAT csv, HEADER)"],
                                       environment: TestServer.environment())
            #expect(exported.status == 0, "\(exported.errors)")
            #expect(exported.output.count > 100 && exported.output == expected.output, "\(condition)")
        }
        // Each sidecar is stopped and its directory removed.
        #expect(try FileManager.default.contentsOfDirectory(atPath: scratch.path) == ["awkward.scalpel.sql.gz"])
    }

    @Test func aBadWhereIsOneLineAndLeavesNothingBehind() throws {
        let scratch = try ScratchFolder()
        let archive = try Self.archive(in: scratch)
        let outcome = try CLI.pgscalpel(["export", archive, "-t", "plain", "--where", "id = = 1", "-o", scratch.file("plain.csv")],
                                        environment: ["TMPDIR": scratch.path])
        #expect(outcome.status == 2)
        #expect(outcome.errors == "pgscalpel: --where id = = 1: syntax error at or near \"=\"\n")
        #expect(try FileManager.default.contentsOfDirectory(atPath: scratch.path) == ["awkward.scalpel.sql.gz"])
    }

    @Test func aSidecarRestoredBeforehandIsRead() throws {
        let scratch = try ScratchFolder()
        let archive = try Self.archive(in: scratch)
        let environment = try TestServer.environment()
        let database = try TestServer.makeDatabase("where_sidecar")
        let restored = try CLI.pgscalpel(["restore", archive, "-t", "plain", "--into", "dbname=\(database)"], environment: environment)
        #expect(restored.status == 0, "\(restored.errors)")
        let filtered = try CLI.pgscalpel(["export", archive, "-t", "plain", "--where", "id BETWEEN 9 AND 19", "--format", "jsonl",
                                          "--sidecar", "dbname=\(database)"], environment: environment)
        let keyed = try CLI.pgscalpel(["export", archive, "-t", "plain", "--format", "jsonl"] + (9...19).flatMap { ["--key", "\($0)"] })
        #expect(filtered.status == 0, "\(filtered.errors)")
        #expect(filtered.text.split(separator: "\n").count == 11 && filtered.output == keyed.output)

        let missing = try CLI.pgscalpel(["export", archive, "-t", "public.dup", "--where", "true", "--sidecar", "dbname=\(database)"],
                                        environment: environment)
        #expect(missing.status == 2)
        #expect(missing.errors.hasPrefix("pgscalpel: public.dup is not in the sidecar database"))
    }

    @Test func severalTablesWithAWhereEachGoIntoAFolder() throws {
        let scratch = try ScratchFolder()
        let archive = try Self.archive(in: scratch, of: "awkward.sql")
        let database = try TestServer.loadFixture("awkward.sql", prefix: "where_folder")
        let folder = scratch.file("out")
        let conditions = ["id <= 10", "qty > 2"]
        let outcome = try CLI.pgscalpel(["export", archive, "-t", "plain", "--where", conditions[0],
                                         "-t", "\"Sales\".\"Order Items\"", "--where", conditions[1], "-o", folder])
        #expect(outcome.status == 0, "\(outcome.errors)")
        let counted = try CLI.run("psql", ["-X", "-A", "-t", "-d", database, "-c",
                                           "SELECT (SELECT count(*) FROM plain WHERE \(conditions[0])), "
                                           + "(SELECT count(*) FROM \"Sales\".\"Order Items\" WHERE \(conditions[1]))"],
                                  environment: TestServer.environment())
        let counts = counted.text.trimmingCharacters(in: .whitespacesAndNewlines).split(separator: "|").compactMap { Int($0) }
        let manifest = try #require(try JSONSerialization.jsonObject(
            with: Data(contentsOf: URL(fileURLWithPath: folder + "/manifest.json"))) as? [String: Any])
        let tables = try #require(manifest["tables"] as? [[String: Any]])
        #expect(tables.map { $0["file"] as? String } == ["public.plain.csv", "Sales.Order Items.csv"])
        #expect(tables.map { $0["where"] as? String } == conditions)
        #expect(tables.map { $0["rows"] as? Int } == counts && counts.count == 2 && counts[1] > 0)
        let plain = try String(contentsOfFile: folder + "/public.plain.csv", encoding: .utf8)
        #expect(plain.hasPrefix("id,note,m,p\n1,"))
    }
}
