import Foundation
import PostgresAccess
import Support
import TestSupport
import Testing
@testable import Recovery
import ScalpelArchive

/// Restores into a real server and checks the tables work afterwards.
@Suite struct RestoreTests {
    @Test func enumDomainSerialIdentityAndGeneratedColumnsWork() throws {
        let archive = try PackedArchive(fixture: "awkward-verbose.sql")
        let target = try RestoreServer.makeDatabase()
        let report = try Restore(archive: archive.path, options: .init(tables: [
            try TablePattern("plain"), try TablePattern("\"Sales\".\"Order Items\""),
        ])).run(into: target)
        #expect(report.tables.map(\.rows) == [250, 1500])
        #expect(report.skippedForeignKeys.isEmpty)
        #expect(report.notes.contains("role reader is missing on the target: 3 GRANT/REVOKE statements skipped"))

        let database = try Connection(target)
        #expect(try database.execute("SELECT count(*), count(DISTINCT m) FROM public.plain").rows == [["1500", "3"]])
        #expect(try database.execute("SELECT nextval('public.plain_id_seq')")[0, 0] == "1501")
        #expect(try database.execute("INSERT INTO public.plain (note, m, p) VALUES ('new', 'happy', 7) RETURNING id")[0, 0] == "1502")
        #expect(throws: PostgresError.self) { try database.execute("INSERT INTO public.plain (p) VALUES (-1)") }
        #expect(throws: PostgresError.self) { try database.execute("INSERT INTO public.plain (m) VALUES ('angry')") }
        let inserted = try database.execute("""
            INSERT INTO "Sales"."Order Items" ("from", qty, plain_id) VALUES ('test', 21, 1) RETURNING id, total
            """)
        #expect(inserted.rows == [["251", "42"]])
        #expect(throws: PostgresError.self) {  // the foreign key came with both tables
            try database.execute("INSERT INTO \"Sales\".\"Order Items\" (plain_id) VALUES (999999)")
        }
    }

    @Test func aForeignKeyToATableNotRestoredIsSkippedAndListed() throws {
        let archive = try PackedArchive(fixture: "awkward-verbose.sql")
        let target = try RestoreServer.makeDatabase()
        let report = try Restore(archive: archive.path, options: .init(tables: [try TablePattern("\"Sales\".\"Order Items\"")]))
            .run(into: target)
        #expect(report.skippedForeignKeys.map(\.name) == ["Order Items_plain_id_fkey"])
        #expect(report.renderText().contains("Sales.Order Items Order Items_plain_id_fkey -> public.plain"))
        let database = try Connection(target)
        #expect(try database.execute("SELECT to_regclass('public.plain') IS NULL")[0, 0] == "t")
        #expect(try database.execute("SELECT count(*) FROM \"Sales\".\"Order Items\"")[0, 0] == "250")
    }

    @Test func aPartitionedTableComesWithItsPartitionsAndTheirRows() throws {
        let archive = try PackedArchive(fixture: "awkward-verbose.sql")
        let target = try RestoreServer.makeDatabase()
        let report = try Restore(archive: archive.path, options: .init(tables: [try TablePattern("measurements")]))
            .run(into: target)
        #expect(report.tables.map(\.rows) == [nil, 0, 300])
        let database = try Connection(target)
        #expect(try database.execute("SELECT count(*) FROM public.measurements")[0, 0] == "300")
        #expect(try database.execute("SELECT count(*) FROM pg_inherits WHERE inhparent = 'public.measurements'::regclass")[0, 0] == "2")
        try database.execute("INSERT INTO public.measurements VALUES (1, '2025-03-01', 1.5)")
        #expect(try database.execute("SELECT count(*) FROM \"Sales\".\"m \"\"2025\"\"\"")[0, 0] == "1")
    }

    @Test func oddlyNamedSchemasAndTables() throws {
        let archive = try PackedArchive(fixture: "awkward-verbose.sql")
        let target = try RestoreServer.makeDatabase()
        let report = try Restore(archive: archive.path, options: .init(tables: [
            try TablePattern("\"we.ird; schema\".\"t; x\""), try TablePattern("\"new\nline\""), try TablePattern("\"日本\""),
        ])).run(into: target)
        #expect(report.tables.map(\.rows) == [5, 2, 1])
        #expect(report.created.contains("SCHEMA we.ird; schema"))
        let database = try Connection(target)
        #expect(try database.execute("SELECT count(*) FROM \"we.ird; schema\".\"t; x\"")[0, 0] == "1")
        #expect(try database.execute("SELECT \"列\" FROM public.\"日本\" ORDER BY 1 LIMIT 1").rowCount == 1)
    }

    @Test func existingTablesAreRefusedWithoutCleanAndReplacedWithIt() throws {
        let archive = try PackedArchive(fixture: "awkward-verbose.sql")
        let target = try RestoreServer.makeDatabase()
        let database = try Connection(target)
        try database.execute("CREATE TABLE public.plain (marker text); INSERT INTO public.plain VALUES ('keep me')")
        let restore = Restore(archive: archive.path, options: .init(tables: [try TablePattern("plain")]))
        #expect(throws: RestoreError.self) { try restore.run(into: target) }
        #expect(try database.execute("SELECT marker FROM public.plain").rows == [["keep me"]])
        #expect(try database.execute("SELECT to_regtype('public.mood') IS NULL")[0, 0] == "t")

        var cleaning = restore
        cleaning.options.clean = true
        let replaced = try cleaning.run(into: target)
        #expect(replaced.dropped == [QualifiedName(schema: "public", name: "plain")])
        #expect(try database.execute("SELECT count(*) FROM public.plain")[0, 0] == "1500")

        // Again: the types are there now and are kept, the table is replaced.
        let again = try cleaning.run(into: target)
        #expect(again.existing == ["TYPE public.mood", "DOMAIN public.posint"])
        #expect(try database.execute("SELECT count(*) FROM public.plain")[0, 0] == "1500")
    }

    /// With --clean, the DROP, the new table and its data are one transaction: a failure
    /// after the DROP (here a name another table's index holds on the target) leaves the
    /// old table and its rows.
    @Test func aFailedCleanRestoreLeavesTheTargetAsItWas() throws {
        let archive = try PackedArchive(fixture: "awkward-verbose.sql")
        let target = try RestoreServer.makeDatabase()
        let database = try Connection(target)
        try database.execute("""
            CREATE TABLE public.plain (marker text); INSERT INTO public.plain VALUES ('keep me');
            CREATE TABLE public.other (x int); CREATE INDEX plain_pkey ON public.other (x)
            """)
        let restore = Restore(archive: archive.path, options: .init(tables: [try TablePattern("plain")], clean: true, jobs: 2))
        let error = #expect(throws: RestoreError.self) { try restore.run(into: target) }
        #expect(error?.description.hasPrefix("CONSTRAINT public.plain_pkey: ERROR 42P07") == true)
        #expect(error?.description.hasSuffix("; rolled back: the target's tables are as they were") == true)
        #expect(try database.execute("SELECT marker FROM public.plain").rows == [["keep me"]])
        #expect(try database.execute("SELECT to_regtype('public.mood') IS NULL")[0, 0] == "t")

        // With the name free, the same restore replaces the table, over one connection.
        try database.execute("DROP INDEX public.plain_pkey")
        let report = try restore.run(into: target)
        #expect(report.dropped == [QualifiedName(schema: "public", name: "plain")])
        #expect(report.notes.contains("--clean replaces tables in one transaction: data loaded over one connection, not 2"))
        #expect(try database.execute("SELECT count(*) FROM public.plain")[0, 0] == "1500")
    }

    /// A dump made with `--column-inserts --rows-per-insert=2`: its INSERTs run as they
    /// arrive, here from members of 40 bytes, so statements are cut across members.
    @Test func insertsDumpsLoadThroughTheirInsertStatements() throws {
        let dump = try Data(contentsOf: URL(fileURLWithPath: Fixture.path("awkward-inserts.sql")))
        let archive = try PackedArchive(dump: Array(dump), memberLimit: 40)
        let target = try RestoreServer.makeDatabase()
        let database = try Connection(target)
        // The dump's trigger calls a function the dump (of three tables) leaves out.
        try database.execute("CREATE FUNCTION public.trg() RETURNS trigger LANGUAGE plpgsql AS $$BEGIN RETURN NEW; END$$")
        let report = try Restore(archive: archive.path, options: .init(tables: [try TablePattern("*.*")])).run(into: target)
        let rows = Dictionary(uniqueKeysWithValues: report.tables.map { ($0.table.name, $0.rows) })
        #expect(rows == ["MixedCase": 12, "nocols": 2, "select": 3])
        #expect(try database.execute("SELECT count(*), max(\"Some Col\") FROM public.\"MixedCase\"").rows == [["12", "v9"]])
        #expect(try database.execute("SELECT count(*) FROM public.nocols")[0, 0] == "2")
        #expect(try database.execute("SELECT string_agg(coalesce(\"to\", '-'), ',' ORDER BY \"from\") FROM public.\"select\"")[0, 0]
            == "a,b,-")

        // --data-only into the emptied tables, and --clean over them, load the same rows.
        try database.execute("TRUNCATE public.\"MixedCase\", public.nocols, public.\"select\"")
        let data = try Restore(archive: archive.path, options: .init(tables: [try TablePattern("*.*")], part: .dataOnly))
            .run(into: target)
        #expect(data.tables.map(\.rows) == report.tables.map(\.rows))
        let clean = try Restore(archive: archive.path, options: .init(tables: [try TablePattern("*.*")], clean: true))
            .run(into: target)
        #expect(clean.tables.map(\.rows) == report.tables.map(\.rows))
        #expect(try database.execute("SELECT count(*) FROM public.\"MixedCase\"")[0, 0] == "12")

        // restore --all streams them the same way.
        let all = try RestoreServer.makeDatabase()
        try Connection(all).execute("CREATE FUNCTION public.trg() RETURNS trigger LANGUAGE plpgsql AS $$BEGIN RETURN NEW; END$$")
        let whole = try RestoreAll(archive: archive.path).run(into: all)
        #expect(Dictionary(uniqueKeysWithValues: whole.tables.map { ($0.table.name, $0.rows) }) == rows)
        #expect(try Connection(all).execute("SELECT count(*) FROM public.\"select\" WHERE \"to\" IS NULL")[0, 0] == "1")

        // In whole-size members a table's INSERTs reach the server in one batch. A row
        // the target refuses fails it midway: the error names the table and is the
        // server's, and the rows the batch inserted before it are rolled back.
        let batched = try PackedArchive(dump: Array(dump))
        try database.execute("TRUNCATE public.\"MixedCase\"")
        try database.execute("ALTER TABLE public.\"MixedCase\" ADD CONSTRAINT not_five CHECK (\"Id\" <> 5)")
        let failed = #expect(throws: RestoreError.self) {
            try Restore(archive: batched.path, options: .init(tables: [try TablePattern("\"MixedCase\"")], part: .dataOnly))
                .run(into: target)
        }
        #expect(failed?.description.contains("MixedCase") == true)
        #expect(failed?.description.contains("23514") == true)
        #expect(try database.execute("SELECT count(*) FROM public.\"MixedCase\"")[0, 0] == "0")
        try database.execute("ALTER TABLE public.\"MixedCase\" DROP CONSTRAINT not_five")
        let loaded = try Restore(archive: batched.path, options: .init(tables: [try TablePattern("\"MixedCase\"")], part: .dataOnly))
            .run(into: target)
        #expect(loaded.tables.map(\.rows) == [12])
    }

    /// Statements reach the server as the archive's bytes, in the dump's client
    /// encoding: here LATIN1, whose é (0xE9) is not UTF-8 and arrives as é, in
    /// INSERT data and in a schema section's comment alike.
    @Test func insertDataInTheDumpsOwnEncodingArrivesExactly() throws {
        var dump = Array(try Data(contentsOf: URL(fileURLWithPath: Fixture.path("awkward-inserts.sql"))))
        func replace(_ old: String, with new: [UInt8]) throws {
            let old = Array(old.utf8)
            let at = try #require(dump.indices.first { dump[$0..<min($0 + old.count, dump.count)].elementsEqual(old) })
            dump.replaceSubrange(at..<at + old.count, with: new)
        }
        try replace("SET client_encoding = 'UTF8';", with: Array("SET client_encoding = 'LATIN1';".utf8))
        try replace("'v9'", with: Array("'v".utf8) + [0xE9, 0x27])
        try replace("ALTER TABLE public.\"MixedCase\" OWNER TO postgres;",
                    with: Array("COMMENT ON TABLE public.\"MixedCase\" IS 'caf".utf8) + [0xE9] + Array("';".utf8))
        let archive = try PackedArchive(dump: dump)
        let target = try RestoreServer.makeDatabase()
        let report = try Restore(archive: archive.path, options: .init(tables: [try TablePattern("\"MixedCase\"")]))
            .run(into: target)
        #expect(report.tables.map(\.rows) == [12])
        let database = try Connection(target)
        #expect(try database.execute("SELECT \"Some Col\" FROM public.\"MixedCase\" WHERE \"Id\" = 9")[0, 0] == "vé")
        #expect(try database.execute("SELECT obj_description('public.\"MixedCase\"'::regclass, 'pg_class')")[0, 0] == "café")
    }

    @Test func schemaOnlyThenDataOnly() throws {
        let archive = try PackedArchive(fixture: "awkward-verbose.sql")
        let target = try RestoreServer.makeDatabase()
        let table = [try TablePattern("plain")]
        let schema = try Restore(archive: archive.path, options: .init(tables: table, part: .schemaOnly)).run(into: target)
        #expect(schema.tables.map(\.rows) == [nil])
        let data = Restore(archive: archive.path, options: .init(tables: table, part: .dataOnly))
        #expect(try data.run(into: target).tables.map(\.rows) == [1500])
        let database = try Connection(target)
        #expect(try database.execute("SELECT nextval('public.plain_id_seq')")[0, 0] == "1501")
        #expect(throws: RestoreError.self) { try data.run(into: target) }  // rows there already
        #expect(try database.execute("SELECT count(*) FROM public.plain")[0, 0] == "1500")
    }

    @Test func everyTableOverTwoConnections() throws {
        let archive = try PackedArchive(fixture: "awkward-verbose.sql")
        let target = try RestoreServer.makeDatabase()
        let report = try Restore(archive: archive.path, options: .init(tables: [try TablePattern("*.*")], jobs: 2))
            .run(into: target)
        let expected = try Fixture.expectedTables()
        let database = try Connection(target)
        for table in expected {
            let name = QualifiedName(schema: table.schema, name: table.name).sqlIdentifier
            #expect(try database.execute("SELECT count(*) FROM ONLY \(name)")[0, 0] == String(table.rows), "\(name)")
        }
        #expect(report.tables.count == expected.count + 1)  // and the partitioned parent, which has no rows of its own
        #expect(report.skippedForeignKeys.isEmpty)
    }
}
