import Foundation
import PostgresAccess
import Support
import TestSupport
import Testing
@testable import Recovery
import ScalpelArchive

/// Tables whose types come from extensions: the extension comes with them, or the
/// restore stops, before changing anything, naming what to install.
@Suite struct RestoreExtensionTests {
    @Test func aCitextDomainBringsTheExtension() throws {
        let source = try RestoreServer.makeDatabase()
        let sourceName = source["dbname"] ?? ""
        _ = try RestoreServer.run(.psql, ["-X", "-q", "-v", "ON_ERROR_STOP=1", "-d", sourceName,
                                          "-f", Fixture.path("demo-app.sql")])
        let archive = try PackedArchive(dump: [UInt8](try RestoreServer.run(.pgDump, ["--verbose", sourceName])))

        let target = try RestoreServer.makeDatabase()
        let report = try Restore(archive: archive.path, options: .init(tables: [try TablePattern("users")])).run(into: target)
        #expect(report.tables.map(\.rows) == [5000])
        #expect(report.created.prefix(2) == ["EXTENSION citext", "DOMAIN public.email_address"])
        #expect(report.skippedForeignKeys.map(\.references) == [QualifiedName(schema: "public", name: "accounts")])
        let database = try Connection(target)
        #expect(try database.execute("SELECT count(*) FROM public.users WHERE email = 'USER42@Example.COM'")[0, 0] == "1")
        let inserted = try database.execute("""
            INSERT INTO public.users (account_id, email, created_at) VALUES (1, 'new@example.com', now()) RETURNING id
            """)
        #expect(inserted[0, 0] == "5001")
        #expect(throws: PostgresError.self) {  // the domain's check
            try database.execute("INSERT INTO public.users (account_id, email, created_at) VALUES (1, 'nobody', now())")
        }

        // A second table into the same database: the extension is there, the enum is new.
        let second = try Restore(archive: archive.path, options: .init(tables: [try TablePattern("accounts")])).run(into: target)
        #expect(second.tables.map(\.rows) == [200])
        #expect(!second.created.contains("EXTENSION citext"))  // accounts uses no citext
        #expect(second.created.first == "TYPE public.account_plan")
    }

    @Test func aMissingExtensionStopsTheRestoreBeforeAnythingChanges() throws {
        var dump = try String(contentsOfFile: Fixture.path("awkward-verbose.sql"), encoding: .utf8)
        let firstEntry = "--\n-- TOC entry 8 (class 2615 OID 16388)\n"
        let vector = """
            --
            -- TOC entry 9001 (class 3079 OID 99001)
            -- Name: vector; Type: EXTENSION; Schema: -; Owner: -
            --

            CREATE EXTENSION IF NOT EXISTS vector WITH SCHEMA public;


            """
        #expect(dump.contains(firstEntry) && dump.contains("    p public.posint\n);"))
        dump = dump.replacingOccurrences(of: firstEntry, with: vector + firstEntry)
            .replacingOccurrences(of: "    p public.posint\n);", with: "    p public.posint,\n    e public.vector(3)\n);")
        let archive = try PackedArchive(dump: Array(dump.utf8))

        let target = try RestoreServer.makeDatabase()
        let database = try Connection(target)
        let restore = Restore(archive: archive.path, options: .init(tables: [try TablePattern("plain")]))
        let error = try #require(throws: RestoreError.self) { try restore.run(into: target) }
        let major = database.serverVersionNumber / 10000
        #expect(error.description == "extension vector is not available on the target server: "
            + "install the Debian package postgresql-\(major)-pgvector there")
        #expect(try database.execute("SELECT to_regtype('public.mood') IS NULL AND to_regclass('public.plain') IS NULL")[0, 0] == "t")

        // Tables that do not use it restore as usual.
        let other = try Restore(archive: archive.path, options: .init(tables: [try TablePattern("\"MixedCase\"")])).run(into: target)
        #expect(other.tables.map(\.rows) == [12])
    }

    /// pg_dump writes no version in `CREATE EXTENSION`; the one `backup` read from
    /// pg_extension is named. The source's vector is a bare pg_extension row owning a
    /// domain (what pgvector's type looks like to pg_dump), as the server has no pgvector.
    @Test func aMissingExtensionFromBackupIsNamedWithItsVersion() throws {
        let source = try RestoreServer.makeDatabase()
        try Connection(source).execute("""
            INSERT INTO pg_catalog.pg_extension (oid, extname, extowner, extnamespace, extrelocatable, extversion)
            VALUES (99001, 'vector', (SELECT oid FROM pg_catalog.pg_roles WHERE rolname = current_user),
                    'public'::regnamespace, false, '0.5.1');
            CREATE DOMAIN public.vector AS real[];
            ALTER EXTENSION vector ADD DOMAIN public.vector;
            CREATE TABLE public.items (id int PRIMARY KEY, embedding public.vector);
            INSERT INTO public.items VALUES (1, '{1,2,3}')
            """)
        let archive = FileManager.default.temporaryDirectory.appendingPathComponent("ext-\(UUID().uuidString).scalpel.sql.gz").path
        defer { unlink(archive) }
        let index = try Backup(target: source, file: archive, pgDumpArguments: []).run().index
        #expect(index.dump.extensions?["vector"] == "0.5.1")

        let target = try RestoreServer.makeDatabase()
        let database = try Connection(target)
        let restore = Restore(archive: archive, options: .init(tables: [try TablePattern("items")]))
        let error = try #require(throws: RestoreError.self) { try restore.run(into: target) }
        #expect(error.description == "extension vector 0.5.1 (in the archive) is not available on the target server: "
            + "install the Debian package postgresql-\(database.serverVersionNumber / 10000)-pgvector there")
        #expect(try database.execute("SELECT to_regclass('public.items') IS NULL")[0, 0] == "t")
    }

    @Test func missingExtensionsNameTheirDebianPackages() {
        #expect(RestoreTargetChecks.debianPackage(extension: "citext", serverMajor: 15) == "postgresql-contrib")
        #expect(RestoreTargetChecks.debianPackage(extension: "uuid-ossp", serverMajor: 15) == "postgresql-contrib")
        #expect(RestoreTargetChecks.debianPackage(extension: "vector", serverMajor: 16) == "postgresql-16-pgvector")
        #expect(RestoreTargetChecks.debianPackage(extension: "postgis_raster", serverMajor: 15) == "postgresql-15-postgis-3")
        #expect(RestoreTargetChecks.debianPackage(extension: "hypopg", serverMajor: 15) == "postgresql-15-hypopg")
    }
}
