import Foundation
import TestSupport
import Testing

/// `pgscalpel restore` as an operator runs it.
@Suite struct RestoreCommandTests {
    @Test func intoAutoPrintsAConnectionStringAndCtrlCRemovesTheServer() throws {
        let scratch = try ScratchFolder()
        let archive = try Self.pack(into: scratch)

        let process = Process()
        process.executableURL = URL(fileURLWithPath: CLI.pgscalpel)
        process.arguments = ["restore", archive, "-t", "plain", "--into", "auto"]
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        var text = ""
        while !text.contains("\n") {
            let data = output.fileHandleForReading.availableData
            if data.isEmpty { break }
            text += String(decoding: data, as: UTF8.self)
        }
        let conninfo = String(text.prefix { $0 != "\n" })
        let query = try CLI.run("psql", ["-X", "-Atc", "SELECT count(*) FROM public.plain", conninfo],
                                environment: TestServer.environment())
        #expect(query.text == "1500\n", "\(query.errors)")
        let directory = try #require(conninfo.split(separator: " ").first { $0.hasPrefix("host=") }?.dropFirst(5))
        #expect(FileManager.default.fileExists(atPath: String(directory)))

        process.interrupt()  // SIGINT, as Ctrl-C
        process.waitUntilExit()
        #expect(process.terminationStatus == 128 + SIGINT)
        #expect(!FileManager.default.fileExists(atPath: String(directory)))
    }

    @Test func keepLeavesTheServerRunningAndPrintsHowToRemoveIt() throws {
        let scratch = try ScratchFolder()
        let archive = try Self.pack(into: scratch)
        let outcome = try CLI.pgscalpel(["restore", archive, "-t", "plain", "--into", "auto", "--keep"])
        #expect(outcome.status == 0, "\(outcome.errors)")
        let conninfo = String(outcome.text.prefix { $0 != "\n" })
        let directory = String(try #require(conninfo.split(separator: " ").first { $0.hasPrefix("host=") }?.dropFirst(5)))
        // pgscalpel has exited: the watcher that removes orphaned servers was told to keep this one.
        usleep(500_000)
        let query = try CLI.run("psql", ["-X", "-Atc", "SELECT count(*) FROM public.plain", conninfo],
                                environment: TestServer.environment())
        #expect(query.text == "1500\n", "\(query.errors)")

        let marker = "stop and remove it with:\n  "
        let stop = try #require(outcome.errors.range(of: marker).map { String(outcome.errors[$0.upperBound...].prefix { $0 != "\n" }) })
        let stopped = try CLI.shell(stop)
        #expect(stopped.status == 0, "\(stopped.errors)")
        #expect(!FileManager.default.fileExists(atPath: directory))
    }

    @Test func keepNeedsIntoAuto() throws {
        let outcome = try CLI.pgscalpel(["restore", "x.scalpel.sql.gz", "-t", "plain", "--into", "dbname=x", "--keep"])
        #expect(outcome.status == 2)
        #expect(outcome.errors.contains("--keep goes with --into auto"))
    }

    /// The awkward fixture as `pgscalpel pack` writes it.
    static func pack(into scratch: ScratchFolder) throws -> String {
        let archive = scratch.file("awkward.scalpel.sql.gz")
        let dump = try Data(contentsOf: URL(fileURLWithPath: Fixture.path("awkward-verbose.sql")))
        let pack = try CLI.pgscalpel(["pack", "-f", archive], input: dump)
        guard pack.status == 0 else { throw TestFailure("pack: \(pack.errors)") }
        return archive
    }

    @Test func aRefusalIsOneLineAndExitStatus2() throws {
        let scratch = try ScratchFolder()
        let archive = try Self.pack(into: scratch)
        let database = try TestServer.makeDatabase("restore")
        let environment = try TestServer.environment()
        let first = try CLI.pgscalpel(["restore", archive, "-t", "plain", "--into", "dbname=\(database)", "--json"],
                                      environment: environment)
        #expect(first.status == 0, "\(first.errors)")
        let report = try JSONSerialization.jsonObject(with: first.output) as? [String: Any]
        #expect((report?["tables"] as? [[String: Any]])?.first?["rows"] as? Int == 1500)

        // -d as pg_restore spells the target.
        let again = try CLI.pgscalpel(["restore", archive, "-t", "plain", "-d", database], environment: environment)
        #expect(again.status == 2)
        #expect(again.errors == "pgscalpel: the target already has public.plain; restore replaces tables only with --clean, "
            + "which drops exactly the tables restored\n")
        #expect(again.text.isEmpty)
    }
}
