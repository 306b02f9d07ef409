import Foundation
import Support
import Testing
@testable import Recovery
import ScalpelArchive

/// docs/FORMAT.md's worked example must stay true: packing Fixtures/tiny.sql gives the
/// members, offsets and CRCs printed there (with Debian 12's libdeflate 1.14).
@Suite struct FormatExampleTests {
    @Test func packingTinySqlGivesTheDocumentedLayout() throws {
        let path = try PackedArchive.file(of: "tiny.sql")
        defer { unlink(path) }
        let reader = try ArchiveReader(path: path)
        let members = reader.index.members.map { [$0.offset, $0.length, $0.uncompressedOffset, $0.uncompressedLength, UInt64($0.crc32)] }
        #expect(members == [[0, 315, 0, 511, 3955879539], [315, 170, 511, 203, 326067678], [485, 139, 714, 133, 1981631774],
                            [624, 143, 847, 157, 3447613901], [767, 82, 1004, 63, 2876317170]])
        #expect(reader.footer.indexOffset == 849)
        #expect(reader.index.sections.map(\.label) == ["prologue", "TABLE public.items", "TABLE DATA public.items",
                                                       "CONSTRAINT public.items_pkey", "epilogue"])
        let data = try #require(reader.index.dataSection(of: QualifiedName(schema: "public", name: "items")))
        #expect(data.rows == 2 && data.columns == ["id", "name"])
        let expected = "\n\n--\n-- Data for Name: items; Type: TABLE DATA; Schema: public; Owner: -\n--\n\n"
            + "COPY public.items (id, name) FROM stdin;\n1\tpen\n2\tink\n\\.\n"
        #expect(try reader.text(of: data) == Array(expected.utf8))
    }
}
