import Foundation
import TestSupport
import Testing
@testable import ScalpelArchive

@Suite struct ArchiveDamageTests {
    let texts = [
        "-- prologue\n",
        "--\n-- Name: a; Type: TABLE DATA; Schema: public; Owner: me\n--\n\n" + String(repeating: "row of a\n", count: 40),
        "--\n-- Name: b; Type: TABLE DATA; Schema: public; Owner: me\n--\n\n" + String(repeating: "row of b\n", count: 40),
    ]

    @Test func aBitFlipInOneSectionNamesItAndLeavesTheOthersReadable() throws {
        var archive = try makeArchive(texts)
        let damaged = archive.index.sections[1]
        let member = archive.index.members[damaged.firstMember]
        archive.bytes[Int(member.offset + member.length / 2)] ^= 0x10
        let reader = try ArchiveReader(source: MemorySource(archive.bytes), name: "mem")
        #expect(throws: ArchiveError.self) { try reader.text(of: damaged) }
        #expect(try reader.text(of: reader.index.sections[2]) == Array(texts[2].utf8))
        let damage = try reader.verify()
        #expect(damage.count == 1)
        #expect(damage.first?.sections == ["TABLE DATA public.t1"])
    }

    @Test func truncationAtAnyBoundaryIsANamedError() throws {
        let archive = try makeArchive(texts)
        var cuts = archive.index.members.map { Int($0.offset) } + archive.index.members.map { Int($0.offset) + 5 }
        cuts += [archive.bytes.count - ArchiveLayout.footerSize, archive.bytes.count - 1, 10, 2]
        for cut in cuts {
            let source = MemorySource(Array(archive.bytes.prefix(cut)))
            #expect(throws: ArchiveError.self) { _ = try ArchiveReader(source: source, name: "cut at \(cut)") }
        }
    }

    @Test func aWrongIndexChecksumIsReported() throws {
        var archive = try makeArchive(texts)
        archive.bytes[archive.bytes.count - ArchiveLayout.footerSize + 52] ^= 0x01
        let error = #expect(throws: ArchiveError.self) { _ = try ArchiveReader(source: MemorySource(archive.bytes), name: "x") }
        #expect(error?.code == .indexDamaged)
    }

    @Test func aPlainGzipHasNoFooter() throws {
        let plain = try CLI.run("gzip", ["-c"], input: Data("SELECT 1;\n".utf8)).output
        let error = #expect(throws: ArchiveError.self) { _ = try ArchiveReader(source: MemorySource([UInt8](plain)), name: "plain.sql.gz") }
        #expect(error?.code == .noFooter)
        #expect(error?.message.contains("pgscalpel pack") == true)
    }

    @Test func aFileThatIsNotGzipIsSaidToBeSo() throws {
        let error = #expect(throws: ArchiveError.self) {
            _ = try ArchiveReader(source: MemorySource(Array(String(repeating: "SELECT 1;\n", count: 20).utf8)), name: "x.sql")
        }
        #expect(error?.code == .notGzip)
    }
}
