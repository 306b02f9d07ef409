import Foundation
import Testing
@testable import Recovery
@testable import ScalpelArchive

@Suite struct VerificationTests {
    @Test func anIndexThatDisagreesWithTheStreamIsCaughtEvenWithGoodChecksums() throws {
        let path = try PackedArchive.file(of: "awkward-verbose.sql")
        defer { unlink(path) }
        #expect(try Verification(path: path).ok)

        // Rewrite only the index, claiming one row fewer for public.plain, with valid CRCs throughout.
        let reader = try ArchiveReader(path: path)
        var index = reader.index
        let position = index.sections.firstIndex { $0.type == "TABLE DATA" && $0.name == "plain" }!
        index.sections[position].rows! -= 1
        let payload = try IndexCodec.encode(index)
        let member = try payload.withUnsafeBytes { input in
            GzipMember.frame(deflated: try LibdeflateDeflater(level: 6).deflate(input), crc: crc32(input), uncompressedLength: input.count)
        }
        let footer = Footer(indexOffset: reader.footer.indexOffset, indexCompressedLength: UInt64(member.count),
                            indexPayloadLength: UInt64(payload.count), indexCRC: crc32(payload))
        var bytes = try reader.source.read(at: 0, count: Int(reader.footer.indexOffset))
        bytes += member + footer.encoded()
        try Data(bytes).write(to: URL(fileURLWithPath: path))

        let result = try Verification(path: path)
        #expect(!result.ok)
        #expect(result.problems.count == 1)
        #expect(result.problems.first?.contains("TABLE DATA public.plain") == true)
        #expect(result.problems.first?.contains("1500 rows") == true)
    }
}
