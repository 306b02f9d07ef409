import Foundation
import TestSupport
import Testing
@testable import ScalpelArchive

@Suite struct ArchiveRoundTripTests {
    let texts = [
        "--\n-- PostgreSQL database dump\n--\n\nSET client_encoding = 'UTF8';\n",
        "--\n-- Name: a; Type: TABLE; Schema: public; Owner: me\n--\n\nCREATE TABLE public.a (x int);\n\n",
        "COPY public.a (x) FROM stdin;\n" + (0..<500).map { "\($0)\n" }.joined() + "\\.\n\n",
        "--\n-- été 日本\n--\n",
    ]

    @Test(arguments: CompressionBackend.allCases)
    func sectionsReadBackExactly(backend: CompressionBackend) throws {
        let archive = try makeArchive(texts, backend: backend)
        let reader = try ArchiveReader(source: MemorySource(archive.bytes), name: "mem")
        #expect(reader.index == archive.index)
        for (section, text) in zip(reader.index.sections, texts) {
            #expect(try reader.text(of: section) == Array(text.utf8))
        }
        // The big section was split at the member limit, every other one is one member.
        #expect(reader.index.sections[2].memberCount > 1)
        #expect(reader.index.members.allSatisfy { $0.uncompressedLength <= 64 })
    }

    @Test func chunkingDoesNotChangeTheArchive() throws {
        let small = try makeArchive(texts, chunk: 1)
        let large = try makeArchive(texts, chunk: 4096)
        #expect(small.bytes == large.bytes)
    }

    @Test func gzipAcceptsItAndDecompressesToTheStreamPlusOneCommentLine() throws {
        let archive = try makeArchive(texts)
        #expect(try CLI.run("gzip", ["-t"], input: Data(archive.bytes)).status == 0)
        let plain = try CLI.run("gzip", ["-dc"], input: Data(archive.bytes))
        #expect(plain.status == 0)
        let joined = Array(texts.joined().utf8)
        let output = [UInt8](plain.output)
        #expect(Array(output.prefix(joined.count)) == joined)
        let tail = String(decoding: output.dropFirst(joined.count), as: UTF8.self)
        #expect(tail.hasPrefix("-- pgscalpel-index v1 {"))
        #expect(tail.hasSuffix("}\n"))
        #expect(tail.filter { $0 == "\n" }.count == 1)
        #expect(tail.unicodeScalars.allSatisfy { $0.isASCII })
    }

    @Test func readingOneSectionReadsOnlyItsMembersTheFooterAndTheIndex() throws {
        let archive = try makeArchive(texts)
        let counting = CountingByteSource(MemorySource(archive.bytes))
        let reader = try ArchiveReader(source: counting, name: "mem")
        let opening = counting.bytesRead
        #expect(opening == 3 + UInt64(ArchiveLayout.footerSize) + reader.footer.indexCompressedLength)
        let section = reader.index.sections[1]
        _ = try reader.text(of: section)
        let expected = reader.index.members(of: section).reduce(0) { $0 + $1.length }
        #expect(counting.bytesRead - opening == expected)
    }

    @Test func footerRoundTrips() throws {
        let footer = Footer(indexOffset: 0x0102_0304_0506_0708, indexCompressedLength: 99, indexPayloadLength: 1234, indexCRC: 0xdead_beef)
        let bytes = footer.encoded()
        #expect(bytes.count == ArchiveLayout.footerSize)
        #expect(Footer(decoding: bytes) == footer)
        var flipped = bytes
        flipped[18] ^= 0x20
        #expect(Footer(decoding: flipped) == nil)
    }
}
