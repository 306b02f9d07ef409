import Foundation
import TestSupport
import Testing

/// Nothing lost or half-written: an interrupted backup leaves no file at all,
/// whether it could clean up (SIGTERM) or not (kill -9).
@Suite struct InterruptionTests {
    @Test func aBackupStoppedBySigtermLeavesNoFileAndNoPgDump() throws {
        let (database, scratch, process) = try startBigBackup("term")
        process.terminate()
        process.waitUntilExit()
        #expect(process.terminationStatus == 128 + SIGTERM)
        #expect(try FileManager.default.contentsOfDirectory(atPath: scratch.path).isEmpty)
        usleep(200_000)
        #expect(try pgDumps(of: database).isEmpty)
    }

    /// The archive is written to an unnamed file until it is complete, so even a
    /// process that gets no chance to clean up leaves nothing in the folder.
    @Test func aBackupKilledWithSigkillLeavesNoFile() throws {
        let (database, scratch, process) = try startBigBackup("kill")
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        #expect(process.terminationStatus == SIGKILL)
        #expect(try FileManager.default.contentsOfDirectory(atPath: scratch.path).isEmpty)
        // pg_dump, left writing into a pipe no one reads, ends on its own.
        let deadline = Date().addingTimeInterval(10)
        while try !pgDumps(of: database).isEmpty && Date() < deadline { usleep(50_000) }
        #expect(try pgDumps(of: database).isEmpty)
    }

    /// Starts `backup` of a 1.5M-row table and returns once the archive being
    /// written holds some bytes.
    private func startBigBackup(_ name: String) throws -> (database: String, scratch: ScratchFolder, process: Process) {
        let env = try TestServer.environment()
        let database = try TestServer.makeDatabase(name)
        let fill = try CLI.run("psql", ["-X", "-q", "-d", database, "-c",
            "CREATE TABLE t AS SELECT i, md5(i::text) AS a, md5((i * 7)::text) AS b FROM generate_series(1, 1500000) i"],
                               environment: env)
        #expect(fill.status == 0, "\(fill.errors)")
        let scratch = try ScratchFolder()
        let process = Process()
        process.executableURL = URL(fileURLWithPath: CLI.pgscalpel)
        process.arguments = ["backup", "-d", database, "-f", scratch.file("big.scalpel.sql.gz")]
        process.environment = ProcessInfo.processInfo.environment.merging(env) { $1 }
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        let deadline = Date().addingTimeInterval(30)
        var writing = false
        while Date() < deadline && process.isRunning && !writing {
            writing = bytesInUnnamedFile(of: process.processIdentifier, in: scratch.path) > 0
            if !writing { usleep(10_000) }
        }
        #expect(writing)
        #expect(try FileManager.default.contentsOfDirectory(atPath: scratch.path).isEmpty)
        return (database, scratch, process)
    }

    /// The size of a file the process holds open in `folder` that has no name there
    /// (the kernel shows it as `FOLDER/#INODE (deleted)`).
    private func bytesInUnnamedFile(of pid: Int32, in folder: String) -> Int {
        let descriptors = "/proc/\(pid)/fd"
        for entry in (try? FileManager.default.contentsOfDirectory(atPath: descriptors)) ?? [] {
            guard let target = try? FileManager.default.destinationOfSymbolicLink(atPath: "\(descriptors)/\(entry)"),
                  target.hasPrefix(folder + "/#"), target.hasSuffix(" (deleted)") else { continue }
            let size = (try? FileManager.default.attributesOfItem(atPath: "\(descriptors)/\(entry)"))?[.size] as? Int
            return size ?? 0
        }
        return 0
    }

    private func pgDumps(of database: String) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: "/proc").filter { entry in
            guard Int(entry) != nil, let command = try? String(contentsOfFile: "/proc/\(entry)/cmdline", encoding: .utf8) else { return false }
            return command.contains("pg_dump") && command.contains(database)
        }
    }
}
