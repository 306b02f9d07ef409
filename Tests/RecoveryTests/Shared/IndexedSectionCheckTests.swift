import Foundation
import Testing
import TestSupport
@testable import Recovery
import ScalpelArchive

/// The check every command's reads go through must pass every section of real
/// pg_dump output, cut into members of any size: a false alarm would make an
/// intact archive unreadable.
@Suite struct IndexedSectionCheckTests {
    @Test(arguments: ["awkward.sql", "awkward-verbose.sql", "awkward-inserts.sql", "awkward-partition-root.sql",
                      "blobs-verbose.sql", "empty.sql", "tiny.sql", "pg18-statistics.sql", "pgvector.sql"])
    func everySectionOfEveryFixturePassesAlone(fixture: String) throws {
        for memberLimit in [ArchiveLayout.defaultMemberLimit, 256] {
            let path = try PackedArchive.file(of: fixture, memberLimit: memberLimit)
            defer { unlink(path) }
            let reader = try ArchiveReader.open(path)
            for section in reader.index.sections {
                #expect(throws: Never.self, "\(fixture), \(section.label)") { _ = try reader.text(of: section) }
            }
        }
    }

    @Test func aSectionCutShortOfItsTerminatorIsDamage() throws {
        let path = try PackedArchive.file(of: "tiny.sql")
        defer { unlink(path) }
        let reader = try ArchiveReader(path: path)
        let data = try #require(reader.index.sections.first { $0.type == "TABLE DATA" })
        var text = try reader.text(of: data)
        text.removeLast(3)  // "\\.\n"
        let check = IndexedSectionCheck(section: data, checksRows: true)
        try check.consume(text)
        let error = #expect(throws: ArchiveError.self) { try check.finish() }
        #expect(error?.message.contains("before its \\. line") == true, "\(String(describing: error))")
    }

    @Test func aSectionOfAnotherTypeIsRefusedAtItsFirstMember() throws {
        let path = try PackedArchive.file(of: "tiny.sql")
        defer { unlink(path) }
        let reader = try ArchiveReader(path: path)
        var data = try #require(reader.index.sections.first { $0.type == "TABLE DATA" })
        let text = try reader.text(of: data)
        data.type = "TABLE"
        let check = IndexedSectionCheck(section: data, checksRows: true)
        let error = #expect(throws: ArchiveError.self) { try check.consume(text) }
        #expect(error?.message.contains("they hold TABLE DATA public.items") == true, "\(String(describing: error))")
    }

    /// Found by scripts/hostile-archives: statements after the COPY data, the row
    /// count kept, passed; `cat` printed them for psql, `export` stopped at the first `\.`.
    @Test func statementsAfterTheCopyDataAreRefused() throws {
        let path = try PackedArchive.file(of: "tiny.sql")
        defer { unlink(path) }
        let reader = try ArchiveReader(path: path)
        let data = try #require(reader.index.sections.first { $0.type == "TABLE DATA" })
        let text = String(decoding: try reader.text(of: data), as: UTF8.self)
            .replacingOccurrences(of: "\\.\n", with: "\\.\nDROP TABLE public.items;\n")
        let check = IndexedSectionCheck(section: data, checksRows: true)
        let error = #expect(throws: ArchiveError.self) { try check.consume(Array(text.utf8)) }
        #expect(error?.message.contains("then 1 more statements") == true, "\(String(describing: error))")
    }

    /// An entry whose member holds no header, such as an inflated run of zeros, is
    /// refused at its first member, before a reader passes any of it on.
    @Test func anEntryWithoutAHeaderIsRefusedAtItsFirstMember() throws {
        let path = try PackedArchive.file(of: "tiny.sql")
        defer { unlink(path) }
        let reader = try ArchiveReader(path: path)
        let data = try #require(reader.index.sections.first { $0.type == "TABLE DATA" })
        let check = IndexedSectionCheck(section: data, checksRows: true)
        let error = #expect(throws: ArchiveError.self) { try check.consume([UInt8](repeating: 0, count: 1 << 20)) }
        #expect(error?.message.contains("no TOC header") == true, "\(String(describing: error))")
    }
}
