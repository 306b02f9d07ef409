import Foundation
import PostgresAccess
import Testing

/// Runs programs the way an operator would: the built pgscalpel, psql, pg_dump, gzip,
/// and shell pipelines of them, against a server the tests start themselves.
enum CLI {
    struct Outcome {
        var status: Int32
        var output: Data
        var errors: String
        var text: String { String(decoding: output, as: UTF8.self) }
    }

    /// The pgscalpel built next to this test bundle.
    static let pgscalpel: String = {
        let bundle = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath().deletingLastPathComponent()
        return bundle.appendingPathComponent("pgscalpel").path
    }()

    @discardableResult
    static func run(_ executable: String, _ arguments: [String], environment: [String: String] = [:],
                    input: Data = Data()) throws -> Outcome {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable.hasPrefix("/") ? executable : "/usr/bin/env")
        process.arguments = executable.hasPrefix("/") ? arguments : [executable] + arguments
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        let stdin = Pipe(), stdout = Pipe(), stderr = Pipe()
        process.standardInput = stdin
        process.standardOutput = stdout
        process.standardError = stderr
        try process.run()
        let feeder = Thread {
            try? stdin.fileHandleForWriting.write(contentsOf: input)
            try? stdin.fileHandleForWriting.close()
        }
        feeder.start()
        let errorsBox = DataBox()
        let errorReader = Thread { errorsBox.data = stderr.fileHandleForReading.readDataToEndOfFile(); errorsBox.done.signal() }
        errorReader.start()
        let output = stdout.fileHandleForReading.readDataToEndOfFile()
        errorsBox.done.wait()
        process.waitUntilExit()
        return Outcome(status: process.terminationStatus, output: output, errors: String(decoding: errorsBox.data, as: UTF8.self))
    }

    static func pgscalpel(_ arguments: [String], environment: [String: String] = [:], input: Data = Data()) throws -> Outcome {
        try run(pgscalpel, arguments, environment: environment, input: input)
    }

    /// A shell pipeline, failing on the first failing command.
    static func shell(_ script: String, environment: [String: String] = [:]) throws -> Outcome {
        try run("/bin/bash", ["-o", "pipefail", "-c", script], environment: environment)
    }

    final class DataBox: @unchecked Sendable {
        var data = Data()
        let done = DispatchSemaphore(value: 0)
    }
}

/// One server for the CLI tests; each test makes its own databases in it.
enum TestServer {
    struct Info: Sendable {
        let directory: String
        let socketDirectory: String
        let port: Int
        let binDirectory: String
    }

    private static let started = Result { () throws -> Info in
        let server = try SidecarServer()
        _ = Unmanaged.passRetained(server)  // stopped by the registry's exit hook
        let binaries = try ServerBinaries.locate()
        let connection = try Connection(server.target)
        try connection.execute("CREATE ROLE reader")
        return Info(directory: server.directory, socketDirectory: server.socketDirectory, port: server.port,
                    binDirectory: URL(fileURLWithPath: try binaries.require(.psql)).deletingLastPathComponent().path)
    }

    static func info() throws -> Info { try started.get() }

    /// PG* variables that point psql, pg_dump and pgscalpel at the test server.
    static func environment() throws -> [String: String] {
        let info = try info()
        return ["PGHOST": info.socketDirectory, "PGPORT": String(info.port), "PGUSER": "postgres",
                "PGDATABASE": "postgres", "PATH": "\(info.binDirectory):" + (ProcessInfo.processInfo.environment["PATH"] ?? "")]
    }

    /// A new empty database with a name no other test uses.
    static func makeDatabase(_ prefix: String) throws -> String {
        let name = "\(prefix)_\(UUID().uuidString.prefix(8).lowercased())"
        let outcome = try CLI.run("createdb", [name], environment: environment())
        guard outcome.status == 0 else { throw TestFailure("createdb \(name): \(outcome.errors)") }
        return name
    }

    /// A database loaded from a pg_dump plain file in Fixtures/.
    static func loadFixture(_ file: String, prefix: String) throws -> String {
        let name = try makeDatabase(prefix)
        let outcome = try CLI.run("psql", ["-X", "-q", "-v", "ON_ERROR_STOP=1", "-d", name, "-f", Fixture.path(file)],
                                  environment: environment())
        guard outcome.status == 0 else { throw TestFailure("loading \(file): \(outcome.errors)") }
        return name
    }
}

enum Fixture {
    static func path(_ name: String) -> String {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Fixtures")
            .appendingPathComponent(name).path
    }
}

/// A scratch folder removed when the test ends.
final class ScratchFolder {
    let path: String
    init() throws {
        path = NSTemporaryDirectory() + "pgscalpel-test-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }
    func file(_ name: String) -> String { "\(path)/\(name)" }

    /// A 16 KiB tmpfs in the folder, as a full disk; nil without the right to mount.
    func smallDisk() throws -> String? {
        let disk = file("disk")
        try FileManager.default.createDirectory(atPath: disk, withIntermediateDirectories: false)
        guard try CLI.shell("mount -t tmpfs -o size=16k tmpfs '\(disk)'").status == 0 else { return nil }
        mounts.append(disk)
        return disk
    }

    private var mounts: [String] = []

    deinit {
        for disk in mounts { _ = try? CLI.shell("umount '\(disk)'") }
        try? FileManager.default.removeItem(atPath: path)
    }
}

struct TestFailure: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}

/// pg_dump output with the parts that differ on every run removed: the random
/// \restrict key and the start and end times.
func comparableDump(_ text: String) -> String {
    text.split(separator: "\n", omittingEmptySubsequences: false)
        .filter { !$0.hasPrefix("\\restrict ") && !$0.hasPrefix("\\unrestrict ") && !$0.hasPrefix("-- Started on ")
            && !$0.hasPrefix("-- Completed on ") }
        .joined(separator: "\n")
}
