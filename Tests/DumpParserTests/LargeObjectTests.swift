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
