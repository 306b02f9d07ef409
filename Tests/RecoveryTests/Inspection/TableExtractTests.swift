import Foundation
import Support
import Testing
@testable import Recovery
import ScalpelArchive

@Suite struct TableExtractTests {
    @Test func catReadsOnlyTheTablesMembersTheFooterAndTheIndex() throws {
        let path = try PackedArchive.file(of: "awkward-verbose.sql", memberLimit: 4096)
        defer { unlink(path) }
        let counting = CountingByteSource(try FileByteSource(path: path))
        let reader = try ArchiveReader(source: counting, name: path)
        let opening = counting.bytesRead
        #expect(opening == 3 + UInt64(ArchiveLayout.footerSize) + reader.footer.indexCompressedLength)

        var output: [UInt8] = []
        try TableExtract.write(reader: reader, tables: [try TablePattern("public.plain")], part: .all) { output += $0 }
        let table = QualifiedName(schema: "public", name: "plain")
        let wanted = reader.index.sections.filter { $0.kind != .entry || $0.table == table }
        let wantedBytes = wanted.reduce(UInt64(0)) { total, section in
            total + reader.index.members(of: section).reduce(0) { $0 + $1.length }
        }
        #expect(counting.bytesRead - opening == wantedBytes)
        #expect(wantedBytes < reader.index.compressedSize / 2)
        // Every read lies inside one of the wanted sections' members.
        let ranges = wanted.flatMap { reader.index.members(of: $0).map { $0.offset..<($0.offset + $0.length) } }
        for read in counting.reads.dropFirst(3) {
            #expect(ranges.contains { $0.contains(read.offset) && read.offset + UInt64(read.count) <= $0.upperBound })
        }

        let text = String(decoding: output, as: UTF8.self)
        #expect(text.contains("CREATE TABLE public.plain ("))
        #expect(text.contains("COPY public.plain (id, note, m, p) FROM stdin;"))
        #expect(text.contains("ADD CONSTRAINT plain_pkey PRIMARY KEY"))
        #expect(text.contains("SELECT pg_catalog.setval('public.plain_id_seq'"))
        #expect(!text.contains("CREATE TABLE public.\"MixedCase\""))
        #expect(text.hasPrefix("--\n-- PostgreSQL database dump\n"))
        #expect(text.contains("\\unrestrict "))
    }

    @Test func dataOnlyAndSchemaOnlySplitTheTable() throws {
        let path = try PackedArchive.file(of: "awkward.sql")
        defer { unlink(path) }
        let reader = try ArchiveReader(path: path)
        func cat(_ pattern: String, _ part: TableExtract.Part) throws -> String {
            var output: [UInt8] = []
            try TableExtract.write(reader: reader, tables: [try TablePattern(pattern)], part: part) { output += $0 }
            return String(decoding: output, as: UTF8.self)
        }
        let data = try cat("\"Sales\".\"Order Items\"", .dataOnly)
        #expect(data.contains("COPY \"Sales\".\"Order Items\" (id, \"from\", qty, plain_id) FROM stdin;"))
        #expect(!data.contains("CREATE TABLE"))
        let schema = try cat("\"Sales\".\"Order Items\"", .schemaOnly)
        #expect(schema.contains("CREATE TABLE \"Sales\".\"Order Items\""))
        #expect(!schema.contains("FROM stdin;"))
        #expect(throws: UsageError.self) { try cat("dup", .all) }           // in two schemas
        #expect(throws: UsageError.self) { try cat("nope", .all) }
        #expect(try cat("other.dup", .dataOnly).contains("COPY other.dup"))
        #expect(try cat("\"日本\"", .dataOnly).contains("COPY public.\"日本\""))
    }

    @Test func patternsFollowPgDumpSpelling() throws {
        let users = QualifiedName(schema: "public", name: "users")
        #expect(try TablePattern("users").matches(users))
        #expect(try TablePattern("public.users").matches(users))
        #expect(try TablePattern("PUBLIC.Users").matches(users))
        #expect(try TablePattern("pub*.u?ers").matches(users))
        #expect(!(try TablePattern("\"Users\"").matches(users)))
        #expect(try TablePattern("\"Odd.\"\"Name\"").matches(QualifiedName(schema: "x", name: "Odd.\"Name")))
        #expect(throws: UsageError.self) { try TablePattern("a.b.c") }
        #expect(throws: UsageError.self) { try TablePattern("\"open") }
    }
}
