import Foundation

/// pg_dump running as a child: its standard output is the SQL stream, its standard
/// error (with `--verbose`) tells what it is dumping and, on failure, why.
final class PgDumpRun {
    private let process = Process()
    private let output = Pipe()
    private let errors = Pipe()
    private let log = ErrorLog()
    private let errorReader: Thread

    init(executable: String, arguments: [String], environment: [String: String]) throws {
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        process.environment = environment
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = output
        process.standardError = errors
        let handle = errors.fileHandleForReading
        let log = self.log
        errorReader = Thread {
            while case let data = handle.availableData, !data.isEmpty { log.append(data) }
            log.close()
        }
        try process.run()
        errorReader.start()
    }

    var outputDescriptor: Int32 { output.fileHandleForReading.fileDescriptor }
    var processIdentifier: Int32 { process.processIdentifier }

    /// What pg_dump says it is doing now, such as `dumping contents of table "public.users"`.
    var lastActivity: String? { log.lastLine }

    /// Waits for pg_dump to exit; throws with its own error lines when it failed.
    func wait() throws {
        process.waitUntilExit()
        log.waitUntilClosed()
        guard process.terminationReason == .exit, process.terminationStatus == 0 else {
            let reason = process.terminationReason == .exit
                ? "exited with status \(process.terminationStatus)" : "was killed by signal \(process.terminationStatus)"
            let said = log.errorLines.joined(separator: " ")
            throw PgDumpError(message: "pg_dump \(reason)" + (said.isEmpty ? "" : ": \(said)"))
        }
    }

    func terminate() {
        if process.isRunning { process.terminate() }
    }

    /// pg_dump's standard error, kept as its last lines and its error lines only.
    private final class ErrorLog: @unchecked Sendable {
        private let condition = NSCondition()
        private var pending = Data()
        private var closed = false
        private var last: String?
        private var errors: [String] = []

        var lastLine: String? { condition.withLock { last } }
        var errorLines: [String] { condition.withLock { errors } }

        func append(_ data: Data) {
            condition.lock()
            defer { condition.unlock() }
            pending.append(data)
            while let newline = pending.firstIndex(of: 0x0a) {
                let line = String(decoding: pending[pending.startIndex..<newline], as: UTF8.self)
                pending.removeSubrange(pending.startIndex...newline)
                let text = line.hasPrefix("pg_dump: ") ? String(line.dropFirst(9)) : line
                if line.hasPrefix("pg_dump: error:") || line.hasPrefix("pg_dump: detail:") || line.hasPrefix("pg_dump: hint:")
                    || !line.hasPrefix("pg_dump: ") {
                    if errors.count < 20 { errors.append(text) }
                }
                last = text
            }
        }

        func close() {
            condition.lock()
            closed = true
            condition.broadcast()
            condition.unlock()
        }

        func waitUntilClosed() {
            condition.lock()
            while !closed { condition.wait() }
            condition.unlock()
        }
    }
}

public struct PgDumpError: Error, CustomStringConvertible, Sendable {
    public let message: String
    public var description: String { message }
}
