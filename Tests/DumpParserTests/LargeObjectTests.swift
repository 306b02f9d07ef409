import Support
import TestSupport
import Testing

@testable import DumpParser

/// `pg_dump --verbose --create` of a database with large objects.
@Suite struct LargeObjectTests {
    @Test func largeObjectsAreSectionsOfTheirOwn() throws {
        let bytes = try Fixture.bytes("blobs-verbose.sql")
        let scan = try Scan.run(bytes, chunkSize: 4096)
        let blobs = scan.entries(ofType: "BLOB")
        #expect(blobs.map(\.object) == ["424242", "424243", "424244"].map { QualifiedName(nil, $0) })
        let data = try #require(scan.entry("BLOBS", named: "BLOBS"))
        #expect(data.header?.isData == true)
        #expect(data.header?.owner == nil)
        let text = scan.text(of: data, in: bytes)
        #expect(text.contains("BEGIN;\n"))
        #expect(text.hasSuffix("COMMIT;\n"))
        #expect(text.components(separatedBy: "pg_catalog.lo_open(").count == 4)
        #expect(text.components(separatedBy: "pg_catalog.lowrite(").count == 4)
        #expect(!scan.entries.contains { $0.header?.name.hasPrefix("ghost_in") == true })
        let comment = try #require(scan.entry("COMMENT", named: "LARGE OBJECT 424242"))
        #expect(comment.object == QualifiedName(nil, "424242"))
        let grant = try #require(scan.entry("ACL", named: "LARGE OBJECT 424243"))
        #expect(grant.object == QualifiedName(nil, "424243"))
        #expect(grant.table == nil)
    }

    @Test func createDumpKeepsConnectWithTheDatabaseEntry() throws {
        let bytes = try Fixture.bytes("blobs-verbose.sql")
        let scan = try Scan.run(bytes, chunkSize: 4096)
        let database = try #require(scan.entry("DATABASE", named: "blobs"))
        #expect(database.object == QualifiedName(nil, "blobs"))
        let text = scan.text(of: database, in: bytes)
        #expect(text.contains("\\connect blobs\n"))
        #expect(text.hasSuffix("SET row_security = off;\n"))
        #expect(scan.prologue.settings.count == 10)
        let key = try #require(scan.prologue.restrictKey)
        #expect(scan.epilogue.unrestrictKey == key)
        let docs = try #require(scan.entry("TABLE DATA", named: "docs"))
        #expect(docs.rows == 3)
        #expect(docs.copyColumns == ["id", "body"])
    }
}

/// What pg_dump 17 and 18 added to plain output, from a real pg_dump 18 dump.
@Suite struct NewerDumpTests {
    @Test func statisticsAreSectionsOfTheirTables() throws {
        let bytes = try Fixture.bytes("pg18-statistics.sql")
        let scan = try Scan.run(bytes, chunkSize: 4096)
        // Every `-- ... Name:` header starts a section: none swallowed by the one before.
        #expect(scan.entries.count == 13)
        let statistics = scan.entries(ofType: "STATISTICS DATA")
        #expect(statistics.map(\.object) == ["docs", "t2", "docs_pkey", "t2_i_idx"].map { QualifiedName("public", $0) })
        // An index's statistics (a primary key's too) belong with its table.
        #expect(statistics.map(\.table) == ["docs", "t2", "docs", "t2"].map { QualifiedName("public", $0) })
        let table = try #require(statistics.first)
        #expect(scan.text(of: table, in: bytes).hasPrefix("\n--\n-- Statistics for Name: docs; Type: STATISTICS DATA;"))
    }

    @Test func largeObjectMetadataIsInTheDataSectionBeforeItsData() throws {
        let scan = try Scan.run(try Fixture.bytes("pg18-statistics.sql"), chunkSize: 4096)
        let types = scan.entries.compactMap { $0.header?.type }
        let metadata = try #require(types.firstIndex(of: "BLOB METADATA"))
        let data = try #require(types.firstIndex(of: "BLOBS"))
        #expect(types.firstIndex(of: "TABLE DATA")! < metadata && metadata < data)
        #expect(scan.entries(ofType: "BLOB METADATA").first?.object == QualifiedName(nil, "4242"))
    }
}
