import Foundation
import TestSupport
import Testing

/// Bad input: one clear line on standard error, a non-zero exit, never a stack trace.
@Suite struct ErrorTests {
    private func expectOneLine(_ outcome: CLI.Outcome, status: Int32 = 2, mentioning text: String,
                               sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(outcome.status == status, sourceLocation: sourceLocation)
        #expect(outcome.errors.split(separator: "\n").count == 1, "\(outcome.errors)", sourceLocation: sourceLocation)
        #expect(outcome.errors.hasPrefix("pgscalpel: "), sourceLocation: sourceLocation)
        #expect(outcome.errors.contains(text), "\(outcome.errors)", sourceLocation: sourceLocation)
    }

    @Test func anUnknownOptionOrCommand() throws {
        expectOneLine(try CLI.pgscalpel(["ls", "--frobnicate", "x"]), mentioning: "'--frobnicate' (see pgscalpel ls --help)")
        expectOneLine(try CLI.pgscalpel(["frobnicate"]), mentioning: "'frobnicate' (see pgscalpel --help)")
        expectOneLine(try CLI.pgscalpel(["cat", "x.scalpel.sql.gz"]), mentioning: "-t")
        // pg_dump's habit: diff names production with --against, and its help says so.
        expectOneLine(try CLI.pgscalpel(["diff", "x.scalpel.sql.gz", "-t", "users", "-d", "prod"]),
                      mentioning: "unknown option '-d' (see pgscalpel diff --help)")
    }

    @Test func aMissingFile() throws {
        expectOneLine(try CLI.pgscalpel(["ls", "/nonexistent/x.scalpel.sql.gz"]), mentioning: "No such file")
    }

    @Test func anUnreachableServerAndAWrongPasswordKeepThePasswordOut() throws {
        let scratch = try ScratchFolder()
        let unreachable = try CLI.pgscalpel(["backup", "-d", "postgresql://app:hunter2@127.0.0.1:1/prod", "-f", scratch.file("x")])
        expectOneLine(unreachable, mentioning: "127.0.0.1")
        #expect(!unreachable.errors.contains("hunter2"))

        let env = try TestServer.environment()
        let noSuchSocket = try CLI.pgscalpel(["doctor", "-d", "host=/nonexistent password=hunter2 dbname=x"], environment: env)
        #expect(noSuchSocket.status == 1)
        #expect(!noSuchSocket.text.contains("hunter2"))
        #expect(noSuchSocket.text.contains("MISSING connection"))
    }

    /// /dev/full fails every write with ENOSPC, as a full disk does: each command
    /// writing to standard output says so in one line and exits 2, and `pack -f`
    /// leaves neither the archive nor its temporary file behind.
    @Test func aFullDiskIsOneLineAndLeavesNoFile() throws {
        let scratch = try ScratchFolder()
        let archive = scratch.file("a.scalpel.sql.gz")
        let fixture = Fixture.path("awkward.sql")
        #expect(try CLI.shell("'\(CLI.pgscalpel)' pack -f '\(archive)' < '\(fixture)'").status == 0)
        for command in ["pack < '\(fixture)'", "cat '\(archive)' -t plain", "export '\(archive)' -t plain",
                        "ls --json '\(archive)'"] {
            let outcome = try CLI.shell("'\(CLI.pgscalpel)' \(command) > /dev/full")
            expectOneLine(outcome, mentioning: "cannot write standard output: No space left on device")
        }
        // Without the right to mount, /dev/full above is the check.
        guard let disk = try scratch.smallDisk() else { return }
        let packed = try CLI.shell("'\(CLI.pgscalpel)' pack -f '\(disk)/b.scalpel.sql.gz' < '\(fixture)'")
        expectOneLine(packed, mentioning: "No space left on device")
        #expect(try FileManager.default.contentsOfDirectory(atPath: disk) == [])
    }

    @Test func doctorFindsTheBinariesAndTheServer() throws {
        let env = try TestServer.environment()
        let doctor = try CLI.pgscalpel(["doctor", "-d", "postgres", "--json"], environment: env)
        #expect(doctor.status == 0, "\(doctor.text)")
        let report = try JSONSerialization.jsonObject(with: doctor.output) as! [String: Any]
        let names = (report["checks"] as! [[String: Any]]).map { $0["name"] as! String }
        for name in ["initdb", "postgres", "pg_dump", "psql", "libpq", "connection", "pg_dump can dump this server"] {
            #expect(names.contains(name), "\(name)")
        }
    }

    @Test func versionAndHelp() throws {
        let version = try CLI.pgscalpel(["--version"])
        #expect(version.status == 0)
        #expect(version.text.split(separator: ".").count == 3)
        let help = try CLI.pgscalpel(["--help"])
        #expect(help.status == 0)
        #expect(help.text.contains("Examples:"))
        for command in ["backup", "pack", "ls", "verify", "cat", "doctor", "sidecar"] {
            let outcome = try CLI.pgscalpel([command, "--help"])
            #expect(outcome.status == 0, "\(command)")
            #expect(outcome.text.contains("pgscalpel \(command)"), "\(command)")
        }
    }
}
