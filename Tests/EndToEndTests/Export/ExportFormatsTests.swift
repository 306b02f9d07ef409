import Foundation
import TestSupport
import Testing

/// Several formats from one read of the rows: each file is byte for byte what an
/// export in that format alone writes.
@Suite struct ExportFormatsTests {
    @Test func csvAndJsonLinesOfSeveralTablesInOnePass() throws {
        let scratch = try ScratchFolder()
        let archive = scratch.file("awkward.scalpel.sql.gz")
        let packed = try CLI.pgscalpel(["pack", "-f", archive],
                                       input: try Data(contentsOf: URL(fileURLWithPath: Fixture.path("awkward-verbose.sql"))))
        #expect(packed.status == 0, "\(packed.errors)")
        let folder = scratch.file("evidence")
        let outcome = try CLI.pgscalpel(["export", archive, "-t", "plain", "-t", "*dup", "--format", "csv,jsonl",
                                         "--format", "sql", "-o", folder])
        #expect(outcome.status == 0, "\(outcome.errors)")
        let names = ["public.plain", "public.dup", "other.dup"]
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder).sorted()
            == (["manifest.json"] + names.flatMap { ["\($0).csv", "\($0).jsonl", "\($0).sql"] }).sorted())
        for name in names {
            for format in ["csv", "jsonl", "sql"] {
                let alone = try CLI.pgscalpel(["export", archive, "-t", name, "--format", format])
                #expect(alone.status == 0 && !alone.output.isEmpty)
                let written = try Data(contentsOf: URL(fileURLWithPath: "\(folder)/\(name).\(format)"))
                #expect(written == alone.output, "\(name).\(format)")
            }
        }
        let manifest = try #require(try JSONSerialization.jsonObject(
            with: Data(contentsOf: URL(fileURLWithPath: folder + "/manifest.json"))) as? [String: Any])
        #expect(manifest["formats"] as? [String] == ["csv", "jsonl", "sql"] && manifest["format"] == nil)
        let plain = (manifest["tables"] as? [[String: Any]])?.first { $0["name"] as? String == "plain" }
        #expect(plain?["files"] as? [String] == ["public.plain.csv", "public.plain.jsonl", "public.plain.sql"])
        #expect(plain?["rows"] as? Int == 1500)
    }

    @Test func severalFormatsNeedAFolderAndOnceEach() throws {
        for (arguments, message) in [(["--format", "csv,jsonl"], "2 formats need -o FOLDER: one file per table and format"),
                                     (["--format", "csv", "--format", "csv", "-o", "/tmp/x/"], "--format csv is given twice"),
                                     (["--format", "csv,xml"], "--format")] {
            let outcome = try CLI.pgscalpel(["export", "/nonexistent.gz", "-t", "plain"] + arguments)
            #expect(outcome.status == 2, "\(arguments)")
            #expect(outcome.errors.contains(message) && outcome.errors.split(separator: "\n").count == 1,
                    "\(arguments): \(outcome.errors)")
        }
    }
}
