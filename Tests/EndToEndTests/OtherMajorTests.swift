import Foundation
import PostgresAccess
import TestSupport
import Testing

/// The choice of programs with a second real major beside Debian's: PostgreSQL 17
/// as `scripts/install-pg-major 17.11.0` installs it into .pg/17 (scripts/test does).
/// Without it the suite is skipped.
@Suite(.enabled(if: OtherMajor.bin17 != nil, "run scripts/install-pg-major 17.11.0"))
struct OtherMajorTests {

    /// PATH as Debian's machine has it, with 17 last: first on PATH is not what chooses.
    private static func path(with17: Bool) -> String {
        "/usr/bin:/bin" + (with17 ? ":\(OtherMajor.bin17 ?? "")" : "")
    }

    /// pg_dump 17 creates large objects with BLOB METADATA entries among the data:
    /// `restore --all` and `drill` must run them before the BLOBS that write into them.
    @Test func largeObjectsOfPgDump17SurviveRestoreAll() throws {
        let bin = try #require(OtherMajor.bin17)
        let server = try SidecarServer(binaries: ServerBinaries(directory: bin))
        defer { server.stop() }
        try server.createDatabase("lo_source")
        try Connection(server.target(database: "lo_source")).execute("""
            CREATE TABLE docs (id int PRIMARY KEY, body oid);
            SELECT lo_from_bytea(4242, 'hello large object'), lo_from_bytea(4243, '\\x00ff'::bytea);
            INSERT INTO docs VALUES (1, 4242), (2, 4243);
            COMMENT ON LARGE OBJECT 4242 IS 'a note';
            """)
        let scratch = try ScratchFolder()
        let archive = scratch.file("blobs17.scalpel.sql.gz")
        let env = ["PGHOST": server.socketDirectory, "PGPORT": String(server.port), "PGUSER": "postgres",
                   "PATH": Self.path(with17: true)]
        let backup = try CLI.pgscalpel(["backup", "-d", "lo_source", "-f", archive], environment: env)
        #expect(backup.status == 0, "\(backup.errors)")
        try server.createDatabase("lo_target")
        let restored = try CLI.pgscalpel(["restore", archive, "--all", "--into", "dbname=lo_target"], environment: env)
        #expect(restored.status == 0, "\(restored.text)\(restored.errors)")
        let check = try Connection(server.target(database: "lo_target")).execute(
            "SELECT convert_from(lo_get(4242), 'UTF8'), encode(lo_get(4243), 'hex'), obj_description(4242, 'pg_largeobject')")
        #expect(check.rows.first == ["hello large object", "00ff", "a note"])
        let drill = try CLI.pgscalpel(["drill", archive], environment: env)
        #expect(drill.status == 0, "\(drill.text)\(drill.errors)")
    }

    @Test func a17ServerIsDumpedBy17sPgDumpAndItsArchiveWantsA17Sidecar() throws {
        let bin = try #require(OtherMajor.bin17)
        let server = try SidecarServer(binaries: ServerBinaries(directory: bin))
        defer { server.stop() }
        try Connection(server.target).execute("CREATE TABLE items (id int PRIMARY KEY, name text); INSERT INTO items VALUES (1, 'a'), (2, 'b')")
        let scratch = try ScratchFolder()
        let archive = scratch.file("seventeen.scalpel.sql.gz")
        var env = ["PGHOST": server.socketDirectory, "PGPORT": String(server.port), "PGUSER": "postgres",
                   "PGDATABASE": "postgres", "PATH": Self.path(with17: false)]

        let refused = try CLI.pgscalpel(["backup", "-f", archive], environment: env)
        #expect(refused.status == 2)
        #expect(refused.errors.hasPrefix("pgscalpel: a PostgreSQL 17 server needs pg_dump 17 or newer, found only pg_dump 15."),
                "\(refused.errors)")

        env["PATH"] = Self.path(with17: true)
        let backup = try CLI.pgscalpel(["backup", "-f", archive], environment: env)
        #expect(backup.status == 0, "\(backup.errors)")
        #expect(backup.text.contains("dumped by \(bin)/pg_dump (pg_dump 17.11)"), "\(backup.text)")

        var machine = ProcessInfo.processInfo.environment
        machine["PATH"] = Self.path(with17: false)
        let noSeventeen = try CLI.pgscalpel(["drill", archive], environment: machine)
        #expect(noSeventeen.status == 2)
        #expect(noSeventeen.errors.hasPrefix("pgscalpel: the archive comes from PostgreSQL 17 and the newest server found is 15."),
                "\(noSeventeen.errors)")
        #expect(noSeventeen.errors.hasSuffix("or pass --allow-older-server to restore into 15 anyway\n"))
        let older = try CLI.pgscalpel(["drill", archive, "--allow-older-server"], environment: machine)
        #expect(older.status == 0, "\(older.errors)")

        machine["PATH"] = Self.path(with17: true)
        let drill = try CLI.pgscalpel(["drill", archive, "--json"], environment: machine)
        #expect(drill.status == 0, "\(drill.errors)")
        let named = try CLI.pgscalpel(["drill", archive, "--bindir", bin], environment: ["PATH": Self.path(with17: false)])
        #expect(named.status == 0, "\(named.errors)")

        let doctor = try CLI.pgscalpel(["doctor"], environment: machine)
        #expect(doctor.text.contains("  17.11 \(bin): initdb postgres"), "\(doctor.text)")
        #expect(doctor.text.contains("chosen for: sidecar without an archive (the newest server)"))

        // An existing 15 server as the target: refused before anything is created.
        var fifteen = try TestServer.environment()
        let database = try TestServer.makeDatabase("older_target")
        fifteen["PATH"] = Self.path(with17: true)
        let into15 = try CLI.pgscalpel(["restore", archive, "-t", "items", "--into", "dbname=\(database)"], environment: fifteen)
        #expect(into15.status == 2)
        #expect(into15.errors == "pgscalpel: the archive comes from PostgreSQL 17.11 and the target server is PostgreSQL 15: "
            + "restore into a 17 or newer server, or pass --allow-older-server to try anyway\n")
        let tables = try TestServer.info().connect(database: database)
            .execute("SELECT count(*) FROM pg_catalog.pg_tables WHERE tablename = 'items'").rows
        #expect(tables.first?.first == "0")
        let allowed = try CLI.pgscalpel(["restore", archive, "-t", "items", "--into", "dbname=\(database)", "--allow-older-server"],
                                        environment: fifteen)
        #expect(allowed.status == 0, "\(allowed.errors)")
    }
}

enum OtherMajor {
    /// .pg/17/bin in the repository, when installed, with its link resolved: when the
    /// repository is out of the server account's reach (a 0700 folder), the tree is in
    /// /tmp and .pg/17 links to it, and only the real path can be run as that account.
    static let bin17: String? = {
        let bin = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent(".pg/17/bin").resolvingSymlinksInPath().path
        return FileManager.default.isExecutableFile(atPath: "\(bin)/postgres") ? bin : nil
    }()
}
