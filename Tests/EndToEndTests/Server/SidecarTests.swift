import Foundation
import TestSupport
import Testing

/// The sidecar server is gone — no process, no directory — however pgscalpel ends.
@Suite struct SidecarTests {
    /// The sidecar's directory, from its first line on standard error.
    private func directory(in errors: String) -> String? {
        errors.split(separator: "\n").first { $0.hasPrefix("sidecar: PostgreSQL running in ") }
            .map { String($0.dropFirst("sidecar: PostgreSQL running in ".count)) }
    }

    /// `pgscalpel sidecar` waiting for Ctrl-C: the process, its server's directory and postmaster.
    private func startWaitingSidecar() throws -> (Process, String, pid_t) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: CLI.pgscalpel)
        process.arguments = ["sidecar"]
        let errors = Pipe()
        process.standardError = errors
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        var text = ""
        let handle = errors.fileHandleForReading
        while !text.contains("Ctrl-C") {
            let data = handle.availableData
            if data.isEmpty { break }
            text += String(decoding: data, as: UTF8.self)
        }
        let dir = try #require(directory(in: text))
        let pidFile = try String(contentsOfFile: "\(dir)/data/postmaster.pid", encoding: .utf8)
        let postmaster = try #require(Int32(pidFile.split(separator: "\n").first ?? ""))
        #expect(kill(postmaster, 0) == 0)
        return (process, dir, postmaster)
    }

    @Test func aCommandRunsAgainstItAndItIsRemovedAfterwards() throws {
        let outcome = try CLI.pgscalpel(["sidecar", "--", "psql", "-X", "-Atc", "SELECT current_setting('listen_addresses') || '|' || current_setting('unix_socket_directories')"])
        #expect(outcome.status == 0, "\(outcome.errors)")
        let dir = try #require(directory(in: outcome.errors))
        #expect(outcome.text == "|\(dir)\n")
        #expect(!FileManager.default.fileExists(atPath: dir))
    }

    @Test func aFailingCommandPassesItsStatusOnAndTheServerIsStillRemoved() throws {
        let outcome = try CLI.pgscalpel(["sidecar", "--", "sh", "-c", "exit 7"])
        #expect(outcome.status == 7)
        let dir = try #require(directory(in: outcome.errors))
        #expect(!FileManager.default.fileExists(atPath: dir))
    }

    @Test func sigtermStopsTheServerAndRemovesItsDirectory() throws {
        let (process, dir, postmaster) = try startWaitingSidecar()

        process.terminate()  // SIGTERM
        process.waitUntilExit()
        #expect(process.terminationStatus == 128 + SIGTERM)
        #expect(!FileManager.default.fileExists(atPath: dir))
        #expect(kill(postmaster, 0) == -1 && errno == ESRCH)
    }

    @Test func aSigkilledPgscalpelStillLeavesNoServerBehind() throws {
        let (process, dir, postmaster) = try startWaitingSidecar()

        kill(process.processIdentifier, SIGKILL)  // no handler, no atexit: only the watcher is left
        process.waitUntilExit()
        let deadline = Date().addingTimeInterval(30)
        while (FileManager.default.fileExists(atPath: dir) || kill(postmaster, 0) == 0) && Date() < deadline {
            usleep(50_000)
        }
        #expect(!FileManager.default.fileExists(atPath: dir))
        #expect(kill(postmaster, 0) == -1 && errno == ESRCH)
    }
}
