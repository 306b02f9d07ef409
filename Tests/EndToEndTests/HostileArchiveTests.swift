import Foundation
@testable import ScalpelArchive
import Testing
import TestSupport

/// Archives whose index was edited and its checksums made right again, as someone
/// who can write the bucket would: every command refuses with one line and exit
/// status 2, and prints no row under a name the bytes do not carry.
@Suite struct HostileArchiveTests {
    /// Swaps what the index says of two TABLE DATA sections: each now names the other's rows.
    static func swappedNames(_ first: String, _ second: String, in scratch: ScratchFolder) throws -> String {
        let archive = try RestoreCommandTests.pack(into: scratch)
        try rewriteIndex(of: archive) { index in
            let a = index.sections.firstIndex { $0.type == "TABLE DATA" && $0.name == first }!
            let b = index.sections.firstIndex { $0.type == "TABLE DATA" && $0.name == second }!
            for field in [\Section.schema, \Section.name] {
                let kept = index.sections[a][keyPath: field]
                index.sections[a][keyPath: field] = index.sections[b][keyPath: field]
                index.sections[b][keyPath: field] = kept
            }
            (index.sections[a].table, index.sections[b].table) = (index.sections[b].table, index.sections[a].table)
            (index.sections[a].copyTarget, index.sections[b].copyTarget) = (index.sections[b].copyTarget, index.sections[a].copyTarget)
            (index.sections[a].columns, index.sections[b].columns) = (index.sections[b].columns, index.sections[a].columns)
            (index.sections[a].rows, index.sections[b].rows) = (index.sections[b].rows, index.sections[a].rows)
        }
        return archive
    }

    @Test func rowsUnderAnotherTablesNameAreRefusedByEveryReader() throws {
        let scratch = try ScratchFolder()
        let archive = try Self.swappedNames("plain", "lookalike", in: scratch)
        for arguments in [["cat", archive, "-t", "plain"], ["cat", archive, "-t", "lookalike", "--data-only"],
                          ["export", archive, "-t", "plain"], ["export", archive, "-t", "plain", "--format", "jsonl"]] {
            let outcome = try CLI.pgscalpel(arguments)
            #expect(outcome.status == 2, "\(arguments)")
            #expect(outcome.errors.contains("the index does not match the bytes it points at"), "\(arguments): \(outcome.errors)")
            #expect(outcome.errors.split(separator: "\n").count == 1, "\(arguments)")
            // Not one row of the other table under this one's name.
            #expect(!outcome.text.contains("tab\\there"), "\(arguments)")
        }
        let verify = try CLI.pgscalpel(["verify", archive])
        #expect(verify.status == 1)
    }

    @Test func restoreAndDiffRefuseThemBeforeWritingAnything() throws {
        let scratch = try ScratchFolder()
        let archive = try Self.swappedNames("plain", "lookalike", in: scratch)
        let database = try TestServer.makeDatabase("hostile")
        let environment = try TestServer.environment()
        let restore = try CLI.pgscalpel(["restore", archive, "-t", "plain", "--into", "dbname=\(database)"], environment: environment)
        #expect(restore.status == 2)
        #expect(restore.errors.contains("the index does not match"), "\(restore.errors)")
        let diff = try CLI.pgscalpel(["diff", archive, "-t", "plain", "--against", "dbname=\(database)"], environment: environment)
        #expect(diff.status == 2)
    }

    /// A row with one field too few made diff trap; one too many made it compare
    /// shifted columns. Both are damage, named with the table and the row.
    @Test(arguments: [("1\ttab\\there\tok", "3 fields, not 4"), ("1\ttab\\there\tok\t2\textra", "5 fields, not 4")])
    func aRowOfTheWrongWidthIsDamageInEveryCommand(row: String, message: String) throws {
        let scratch = try ScratchFolder()
        let archive = scratch.file("narrow.scalpel.sql.gz")
        var dump = try String(contentsOfFile: Fixture.path("awkward-verbose.sql"), encoding: .utf8)
        dump = dump.replacingOccurrences(of: "1\ttab\\there\tok\t2\n", with: row + "\n")
        let pack = try CLI.pgscalpel(["pack", "-f", archive], input: Data(dump.utf8))
        try #require(pack.status == 0, "\(pack.errors)")
        let database = try TestServer.loadFixture("awkward-verbose.sql", prefix: "width")
        let environment = try TestServer.environment()
        let commands = [["cat", archive, "-t", "plain"], ["export", archive, "-t", "plain"],
                        ["diff", archive, "-t", "plain", "--against", "dbname=\(database)"]]
        for arguments in commands {
            let outcome = try CLI.pgscalpel(arguments, environment: environment)
            #expect(outcome.status == 2, "\(arguments): \(outcome.errors)")
            #expect(outcome.errors.contains("row 1 of the COPY data of public.plain has \(message)"), "\(arguments): \(outcome.errors)")
        }
        let verify = try CLI.pgscalpel(["verify", archive])
        #expect(verify.status == 1)
        #expect(verify.text.contains("row 1 of the COPY data of public.plain has \(message)"), "\(verify.text)")
    }

    /// Found by scripts/hostile-archives: the index's client_encoding, which no CRC
    /// ties to the dump, made `export` transcode UTF-8 text as SJIS and its SQL set
    /// SJIS. The settings the prologue states must be the index's.
    @Test func settingsOtherThanThePrologueSaysAreRefused() throws {
        let scratch = try ScratchFolder()
        let archive = try RestoreCommandTests.pack(into: scratch)
        try rewriteIndex(of: archive) { $0.dump.settings["client_encoding"] = "SJIS" }
        for format in ["sql", "jsonl", "csv"] {
            let outcome = try CLI.pgscalpel(["export", archive, "-t", "plain", "--format", format])
            #expect(outcome.status == 2, "\(format)")
            #expect(outcome.errors.contains("the index's client_encoding setting is not the one the dump sets (UTF8)"),
                    "\(format): \(outcome.errors)")
            #expect(outcome.text.isEmpty, "\(format)")
        }
        let verify = try CLI.pgscalpel(["verify", archive])
        #expect(verify.status == 1)
        #expect(verify.text.contains("the index's client_encoding setting is not the one the dump sets (UTF8)"), "\(verify.text)")
        // ls shows the index as it is.
        #expect(try CLI.pgscalpel(["ls", archive]).status == 0)
    }
}

/// Rewrites only the archive's index, as `edit` changes it, with valid CRCs.
func rewriteIndex(of path: String, _ edit: (inout ArchiveIndex) throws -> Void) throws {
    let reader = try ArchiveReader(path: path)
    var index = reader.index
    try edit(&index)
    let payload = try IndexCodec.encode(index)
    let member = try payload.withUnsafeBytes { input in
        GzipMember.frame(deflated: try LibdeflateDeflater(level: 6).deflate(input), crc: crc32(input), uncompressedLength: input.count)
    }
    let footer = Footer(indexOffset: reader.footer.indexOffset, indexCompressedLength: UInt64(member.count),
                        indexPayloadLength: UInt64(payload.count), indexCRC: crc32(payload))
    let bytes = try reader.source.read(at: 0, count: Int(reader.footer.indexOffset)) + member + footer.encoded()
    try Data(bytes).write(to: URL(fileURLWithPath: path))
}
