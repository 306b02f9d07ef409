import Foundation
import TestSupport
import Testing

/// Nothing lost or half-written: an interrupted backup leaves no file at all.
@Suite struct InterruptionTests {
    @Test func aBackupStoppedBySigtermLeavesNoFileAndNoTemporaryFile() throws {
        let env = try TestServer.environment()
        let database = try TestServer.makeDatabase("big")
        let fill = try CLI.run("psql", ["-X", "-q", "-d", database, "-c",
            "CREATE TABLE t AS SELECT i, md5(i::text) AS a, md5((i * 7)::text) AS b FROM generate_series(1, 1500000) i"],
                               environment: env)
        #expect(fill.status == 0, "\(fill.errors)")
        let scratch = try ScratchFolder()
        let archive = scratch.file("big.scalpel.sql.gz")

        let process = Process()
        process.executableURL = URL(fileURLWithPath: CLI.pgscalpel)
        process.arguments = ["backup", "-d", database, "-f", archive]
        process.environment = ProcessInfo.processInfo.environment.merging(env) { $1 }
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        // Wait until the temporary file holds some bytes, then interrupt.
        let deadline = Date().addingTimeInterval(30)
        var sawTemporary = false
        while Date() < deadline && process.isRunning {
            let names = try FileManager.default.contentsOfDirectory(atPath: scratch.path)
            if let name = names.first(where: { $0.hasPrefix(".big.scalpel.sql.gz.") }),
               let size = try? FileManager.default.attributesOfItem(atPath: scratch.file(name))[.size] as? Int, size > 0 {
                sawTemporary = true
                break
            }
            usleep(10_000)
        }
        #expect(sawTemporary)
        process.terminate()
        process.waitUntilExit()
        #expect(process.terminationStatus == 128 + SIGTERM)
        #expect(try FileManager.default.contentsOfDirectory(atPath: scratch.path).isEmpty)
        // No pg_dump left behind either.
        usleep(200_000)
        let pgDumps = try FileManager.default.contentsOfDirectory(atPath: "/proc").filter { entry in
            guard Int(entry) != nil, let command = try? String(contentsOfFile: "/proc/\(entry)/cmdline", encoding: .utf8) else { return false }
            return command.contains("pg_dump") && command.contains(database)
        }
        #expect(pgDumps.isEmpty)
    }
}
