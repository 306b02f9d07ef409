import Foundation
import TestSupport
import Testing

/// What pgscalpel says when the machine or the server does not fit.
@Suite struct EnvironmentTests {
    /// A PostgreSQL "installation" whose pg_config points at a folder where pg_dump
    /// claims to be 9.6, with the real server programs beside it.
    private func oldPgDump(in scratch: ScratchFolder) throws -> [String: String] {
        let bin = scratch.file("bin")
        try FileManager.default.createDirectory(atPath: bin, withIntermediateDirectories: true)
        let real = try TestServer.info().binDirectory
        for tool in ["initdb", "postgres", "pg_ctl", "psql", "pg_restore"] {
            try FileManager.default.createSymbolicLink(atPath: "\(bin)/\(tool)", withDestinationPath: "\(real)/\(tool)")
        }
        try "#!/bin/sh\necho 'pg_dump (PostgreSQL) 9.6.24'\n".write(toFile: "\(bin)/pg_dump", atomically: true, encoding: .utf8)
        try "#!/bin/sh\necho '\(bin)'\n".write(toFile: "\(bin)/pg_config", atomically: true, encoding: .utf8)
        for script in ["pg_dump", "pg_config"] {
            try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: "\(bin)/\(script)")
        }
        var env = try TestServer.environment()
        env["PATH"] = "\(bin):/usr/bin:/bin"
        return env
    }

    @Test func aPgDumpOlderThanTheServerIsRefusedWithThePackageToInstall() throws {
        let scratch = try ScratchFolder()
        var env = try oldPgDump(in: scratch)
        let bin = scratch.file("bin")
        env["PGSCALPEL_BINDIR"] = bin
        let archive = scratch.file("x.scalpel.sql.gz")
        let outcome = try CLI.pgscalpel(["backup", "-d", "postgres", "-f", archive], environment: env)
        #expect(outcome.status == 2)
        #expect(outcome.errors == "pgscalpel: a PostgreSQL 15 server needs pg_dump 15 or newer, found only pg_dump 9.6.24 in \(bin): "
            + "install postgresql-client-15 (Debian, PGDG) or name another bin directory\n")
        #expect(!FileManager.default.fileExists(atPath: archive))

        let doctor = try CLI.pgscalpel(["doctor", "-d", "postgres"], environment: env)
        #expect(doctor.status == 1)
        #expect(doctor.text.contains("install postgresql-client-15"))
    }

    /// Unnamed, the search passes over the old pg_dump first in the search for one
    /// that can dump the server, and the summary says which ran.
    @Test func theSearchChoosesAPgDumpAsNewAsTheServer() throws {
        let scratch = try ScratchFolder()
        let env = try oldPgDump(in: scratch)
        let archive = scratch.file("x.scalpel.sql.gz")
        let outcome = try CLI.pgscalpel(["backup", "-d", "postgres", "-f", archive, "--allow-empty"], environment: env)
        #expect(outcome.status == 0, "\(outcome.errors)")
        let dumpedBy = outcome.text.split(separator: "\n").first { $0.hasPrefix("dumped by ") }
        #expect(dumpedBy?.contains(scratch.file("bin")) == false)
        #expect(dumpedBy?.contains("(pg_dump 15.") == true, "\(outcome.text)")
    }

    @Test func aSidecarWhoseCommandCannotStartIsStillRemoved() throws {
        let outcome = try CLI.pgscalpel(["sidecar", "--", "/nonexistent/program"])
        #expect(outcome.status == 127)
        let line = outcome.errors.split(separator: "\n").first { $0.hasPrefix("sidecar: PostgreSQL running in ") }
        let dir = try #require(line.map { String($0.dropFirst("sidecar: PostgreSQL running in ".count)) })
        #expect(!FileManager.default.fileExists(atPath: dir))
    }

    @Test func largeObjectsSurviveTheRoundTrip() throws {
        let env = try TestServer.environment()
        // blobs-verbose.sql is a --create dump: it makes and fills a database named "blobs".
        let load = try CLI.run("psql", ["-X", "-q", "-v", "ON_ERROR_STOP=1", "-d", "postgres", "-f", Fixture.path("blobs-verbose.sql")],
                               environment: env)
        #expect(load.status == 0, "\(load.errors)")
        let scratch = try ScratchFolder()
        let archive = scratch.file("blobs.scalpel.sql.gz")
        let backup = try CLI.pgscalpel(["backup", "-d", "blobs", "-f", archive], environment: env)
        #expect(backup.status == 0, "\(backup.errors)")
        let listing = try CLI.pgscalpel(["ls", archive, "--type", "BLOBS", "--type", "BLOB"])
        #expect(listing.text.contains("BLOBS"))
        let target = try TestServer.makeDatabase("blobs_dst")
        let restore = try CLI.shell("gunzip -c '\(archive)' | psql -X -q -v ON_ERROR_STOP=1 -d \(target) >/dev/null", environment: env)
        #expect(restore.status == 0, "\(restore.errors)")
        let original = try CLI.run("pg_dump", ["blobs"], environment: env)
        let restored = try CLI.run("pg_dump", [target], environment: env)
        #expect(comparableDump(original.text) == comparableDump(restored.text))
        #expect(original.text.contains("lo_create"))
    }
}
