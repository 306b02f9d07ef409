import Foundation

/// Runs programs the way an operator would: psql, pg_dump, gzip, the built pgscalpel,
/// and shell pipelines of them.
public enum CLI {
    public struct Outcome {
        public var status: Int32
        public var output: Data
        public var errors: String
        public var text: String { String(decoding: output, as: UTF8.self) }
    }

    /// Runs `executable` (a path, or a name looked up in PATH) with `input` on standard
    /// input, in this process's environment with `environment` laid over it.
    @discardableResult
    public static func run(_ executable: String, _ arguments: [String], environment: [String: String] = [:],
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

    /// A shell pipeline, failing on the first failing command.
    public static func shell(_ script: String, environment: [String: String] = [:]) throws -> Outcome {
        try run("/bin/bash", ["-o", "pipefail", "-c", script], environment: environment)
    }

    final class DataBox: @unchecked Sendable {
        var data = Data()
        let done = DispatchSemaphore(value: 0)
    }
}

public struct TestFailure: Error, CustomStringConvertible {
    public let description: String
    public init(_ description: String) { self.description = description }
}
