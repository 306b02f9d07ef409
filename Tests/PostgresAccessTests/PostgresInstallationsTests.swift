import Foundation
import PostgresAccess
import TestSupport
import Testing

/// Which installation is chosen for what, over bin directories of scripts that
/// answer `--version` as PostgreSQL's programs do: the choice reads only that.
@Suite struct PostgresInstallationsTests {
    /// A bin directory whose programs all report `version`.
    private func fakeInstallation(_ version: String, tools: [String], in scratch: ScratchFolder) throws -> String {
        let bin = scratch.file("pg\(version)/bin")
        try FileManager.default.createDirectory(atPath: bin, withIntermediateDirectories: true)
        for tool in tools {
            try "#!/bin/sh\necho '\(tool) (PostgreSQL) \(version)'\n".write(toFile: "\(bin)/\(tool)", atomically: true, encoding: .utf8)
            try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: "\(bin)/\(tool)")
        }
        return bin
    }

    private let server = ["initdb", "postgres", "pg_ctl", "pg_dump", "psql"]

    /// What the search finds among the fakes: the machine's own /usr/lib/postgresql is searched too.
    private func fakesFound(_ scratch: ScratchFolder) throws -> PostgresInstallations {
        PostgresInstallations(all: PostgresInstallations.find(environment: try machine(scratch)).all
            .filter { $0.directory.hasPrefix(scratch.path) })
    }

    /// 15 and 17 with servers, 18 with client tools only, searched in that order.
    private func machine(_ scratch: ScratchFolder) throws -> [String: String] {
        let directories = [
            try fakeInstallation("15.18", tools: server, in: scratch),
            try fakeInstallation("17.11", tools: server, in: scratch),
            try fakeInstallation("18.6", tools: ["pg_dump", "psql"], in: scratch),
        ]
        return ["PATH": directories.joined(separator: ":")]
    }

    @Test func pgDumpIsTheNewestAtLeastAsNewAsTheServer() throws {
        let scratch = try ScratchFolder()
        let found = try fakesFound(scratch)
        #expect(found.all.map(\.version) == ["15.18", "17.11", "18.6"])
        for major in [14, 15, 16, 18] {
            #expect(try found.pgDump(forServerMajor: major).installation.version == "18.6")
        }
        let error = #expect(throws: PostgresError.self) { try found.pgDump(forServerMajor: 19) }
        #expect(error?.description == "a PostgreSQL 19 server needs pg_dump 19 or newer, found only pg_dump "
            + "15.18 in \(scratch.file("pg15.18/bin")), 17.11 in \(scratch.file("pg17.11/bin")), 18.6 in \(scratch.file("pg18.6/bin")): "
            + "install postgresql-client-19 (Debian, PGDG) or name its bin directory with --bindir or PGSCALPEL_BINDIR")
        let nothing = #expect(throws: PostgresError.self) { try PostgresInstallations(all: []).pgDump(forServerMajor: 15) }
        #expect(nothing?.description.hasPrefix("a PostgreSQL 15 server needs pg_dump 15 or newer, no pg_dump in an empty PATH") == true)
    }

    @Test func aSidecarIsTheSameMajorElseTheOldestNewer() throws {
        let scratch = try ScratchFolder()
        let found = try fakesFound(scratch)
        #expect(try found.server(forSourceMajor: 15, allowOlder: false).version == "15.18")
        #expect(try found.server(forSourceMajor: 14, allowOlder: false).version == "15.18")
        #expect(try found.server(forSourceMajor: 16, allowOlder: false).version == "17.11")
        #expect(try found.server(forSourceMajor: 17, allowOlder: false).version == "17.11")
        #expect(try found.server(forSourceMajor: nil, allowOlder: false).version == "17.11")
    }

    @Test func anOlderSidecarIsRefusedUnlessAllowed() throws {
        let scratch = try ScratchFolder()
        let found = try fakesFound(scratch)
        let error = #expect(throws: PostgresError.self) { try found.server(forSourceMajor: 18, allowOlder: false) }
        #expect(error?.description == "the archive comes from PostgreSQL 18 and the newest server found is "
            + "17.11 in \(scratch.file("pg17.11/bin")): install postgresql-18 or name its bin directory with --bindir "
            + "or PGSCALPEL_BINDIR, or pass --allow-older-server to restore into 17 anyway")
        #expect(try found.server(forSourceMajor: 18, allowOlder: true).version == "17.11")
    }

    @Test func aNamedDirectoryIsTheOnlyOneUsed() throws {
        let scratch = try ScratchFolder()
        var environment = try machine(scratch)
        let fifteen = scratch.file("pg15.18/bin")
        environment["PGSCALPEL_BINDIR"] = fifteen
        let named = PostgresInstallations.find(environment: environment)
        #expect(named.all.map(\.directory) == [fifteen])
        let error = #expect(throws: PostgresError.self) { try named.pgDump(forServerMajor: 17) }
        #expect(error?.description.hasSuffix("found only pg_dump 15.18 in \(fifteen): "
            + "install postgresql-client-17 (Debian, PGDG) or name another bin directory") == true)

        let flag = PostgresInstallations.find(bindir: scratch.file("pg17.11/bin"), environment: environment)
        #expect(flag.all.map(\.version) == ["17.11"])
        #expect(flag.named?.source == "--bindir")

        let empty = PostgresInstallations.find(bindir: scratch.file("nothing"), environment: environment)
        let none = #expect(throws: PostgresError.self) { try empty.server(forSourceMajor: nil, allowOlder: false) }
        #expect(none?.description == "no PostgreSQL server (initdb and postgres) in \(scratch.file("nothing")) (from --bindir): "
            + "install the Debian package postgresql or name another bin directory")
    }

    /// Links and wrappers can put a pg_dump of one release next to a server of another.
    @Test func pgDumpIsJudgedByItsOwnVersion() throws {
        let scratch = try ScratchFolder()
        let mixed = try fakeInstallation("17.11", tools: ["initdb", "postgres"], in: scratch)
        try "#!/bin/sh\necho 'pg_dump (PostgreSQL) 9.6.24'\n".write(toFile: "\(mixed)/pg_dump", atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: "\(mixed)/pg_dump")
        let found = PostgresInstallations.find(bindir: mixed, environment: [:])
        #expect(found.all.first?.version == "17.11")
        #expect(found.all.first?.pgDumpVersion == "9.6.24")
        #expect(throws: PostgresError.self) { try found.pgDump(forServerMajor: 10) }
    }
}
