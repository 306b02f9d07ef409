import Foundation
import TestSupport
import Testing

/// Damaged archives, through the commands an operator would run.
@Suite struct DamageTests {
    /// A packed copy of the awkward fixture, and its index as `ls --type all --json` shows it.
    private func archive(in scratch: ScratchFolder) throws -> (path: String, bytes: Data) {
        let path = scratch.file("a.scalpel.sql.gz")
        let plain = try Data(contentsOf: URL(fileURLWithPath: Fixture.path("awkward-verbose.sql")))
        let packed = try CLI.pgscalpel(["pack", "-f", path], input: plain)
        guard packed.status == 0 else { throw TestFailure(packed.errors) }
        return (path, try Data(contentsOf: URL(fileURLWithPath: path)))
    }

    /// The file offset of the first member of a table's data, from the index.
    private func dataMemberOffset(_ path: String, table: String) throws -> Int {
        let stream = try CLI.run("gzip", ["-dc", path]).text
        let line = stream.split(separator: "\n").last { $0.hasPrefix("-- pgscalpel-index v1 ") }!
        let index = try JSONSerialization.jsonObject(with: Data(line.dropFirst(22).utf8)) as! [String: Any]
        let members = index["members"] as! [[Int]]
        let sections = index["sections"] as! [[String: Any]]
        let section = sections.first { ($0["type"] as? String) == "TABLE DATA" && ($0["name"] as? String) == table }!
        return members[section["firstMember"] as! Int][0]
    }

    @Test func aBitFlipIsNamedByVerifyAndOtherTablesStayReadable() throws {
        let scratch = try ScratchFolder()
        var (path, bytes) = try archive(in: scratch)
        let offset = try dataMemberOffset(path, table: "plain")
        bytes[offset + 40] ^= 0x04
        try bytes.write(to: URL(fileURLWithPath: path))

        let verify = try CLI.pgscalpel(["verify", path])
        #expect(verify.status == 1)
        #expect(verify.text.contains("TABLE DATA public.plain"))
        #expect(verify.text.contains("DAMAGED"))

        let other = try CLI.pgscalpel(["cat", path, "-t", "\"Sales\".\"Order Items\""])
        #expect(other.status == 0)
        #expect(other.text.contains("COPY \"Sales\".\"Order Items\""))

        let damaged = try CLI.pgscalpel(["cat", path, "-t", "public.plain", "--data-only"])
        #expect(damaged.status == 2)
        #expect(damaged.errors.contains("TABLE DATA public.plain"))
        #expect(damaged.errors.split(separator: "\n").count == 1)
    }

    @Test func verifyPassesAnIntactArchive() throws {
        let scratch = try ScratchFolder()
        let (path, _) = try archive(in: scratch)
        let verify = try CLI.pgscalpel(["verify", path, "--json"])
        #expect(verify.status == 0)
        let report = try JSONSerialization.jsonObject(with: verify.output) as! [String: Any]
        #expect(report["ok"] as? Bool == true)
        #expect((report["members"] as? Int ?? 0) > 10)
    }

    @Test func truncationAtEveryKindOfBoundaryIsOneClearLine() throws {
        let scratch = try ScratchFolder()
        let (path, bytes) = try archive(in: scratch)
        let cuts = [bytes.count - 1, bytes.count - 66, bytes.count - 100, bytes.count / 2, 20, 2]
        for cut in cuts {
            let truncated = scratch.file("cut-\(cut).scalpel.sql.gz")
            try bytes.prefix(cut).write(to: URL(fileURLWithPath: truncated))
            for command in [["ls", truncated], ["verify", truncated], ["cat", truncated, "-t", "plain"]] {
                let outcome = try CLI.pgscalpel(command)
                #expect(outcome.status == 2, "\(command) at \(cut)")
                #expect(outcome.errors.split(separator: "\n").count == 1, "\(command) at \(cut): \(outcome.errors)")
                #expect(outcome.errors.hasPrefix("pgscalpel: "))
            }
        }
        _ = path
    }

    @Test func aWrongIndexChecksumAndANonGzipFileAreNamed() throws {
        let scratch = try ScratchFolder()
        var (path, bytes) = try archive(in: scratch)
        bytes[bytes.count - 66 + 52] ^= 0xff
        try bytes.write(to: URL(fileURLWithPath: path))
        let checksum = try CLI.pgscalpel(["ls", path])
        #expect(checksum.status == 2)
        #expect(checksum.errors.contains("index checksum"))

        let sql = scratch.file("plain.sql")
        try Data("SELECT 1;\n".utf8).write(to: URL(fileURLWithPath: sql))
        let notGzip = try CLI.pgscalpel(["verify", sql])
        #expect(notGzip.status == 2)
        #expect(notGzip.errors.contains("not a gzip file"))

        let plainGzip = scratch.file("plain.sql.gz")
        _ = try CLI.shell("gzip -c '\(sql)' > '\(plainGzip)'")
        let noIndex = try CLI.pgscalpel(["ls", plainGzip])
        #expect(noIndex.status == 2)
        #expect(noIndex.errors.contains("no pgscalpel index"))
    }
}
