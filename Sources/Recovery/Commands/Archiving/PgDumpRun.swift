import Glibc
import PostgresAccess
import Support

/// pg_dump running as a child: its standard output is the SQL stream, its standard
/// error (with `--verbose`) tells what it is dumping and, on failure, why. In a
/// process group of its own, as Foundation's `Process` started it, so a terminal's
/// Ctrl-C reaches only us and we decide how pg_dump ends.
final class PgDumpRun {
    private let child: ChildProcess
    private var ended: ChildProcess.Termination?
    private let log = ErrorLog()
    /// The read end of pg_dump's standard output.
    let outputDescriptor: FileDescriptor

    init(executable: String, arguments: [String], environment: [String: String]) throws {
        let output = try Self.makePipe()
        defer { try? output.writeEnd.close() }
        let errors: (readEnd: FileDescriptor, writeEnd: FileDescriptor)
        do { errors = try Self.makePipe() } catch {
            try? output.readEnd.close()
            throw error
        }
        defer { try? errors.writeEnd.close() }
        do {
            child = try ChildProcess.spawn(executable, arguments, environment: environment,
                                           streams: .descriptors(output: output.writeEnd, error: errors.writeEnd),
                                           ownProcessGroup: true)
        } catch {
            try? output.readEnd.close()
            try? errors.readEnd.close()
            throw error
        }
        outputDescriptor = output.readEnd
        startThread { [log] in
            var buffer = [UInt8](repeating: 0, count: 4096)
            while true {
                let count = (try? errors.readEnd.read(into: &buffer)) ?? 0
                guard count > 0 else { break }
                log.append(buffer[..<count])
            }
            try? errors.readEnd.close()
            log.close()
        }
    }

    deinit {
        try? outputDescriptor.close()
    }

    var processIdentifier: Int32 { child.pid }

    /// Waits for pg_dump to exit; throws with its own error lines when it failed.
    func wait() throws {
        let termination = ended ?? child.wait()
        ended = termination
        log.waitUntilClosed()
        guard termination == .exited(0) else {
            let reason = switch termination {
            case .exited(let status): "exited with status \(status)"
            case .signaled(let signal): "was killed by signal \(signal)"
            }
            let said = log.errorLines.joined(separator: " ")
            throw PgDumpError(message: "pg_dump \(reason)" + (said.isEmpty ? "" : ": \(said)"))
        }
    }

    /// Stops pg_dump unless it has ended and reaps it: no zombie is left, and a pid
    /// that may have been reused is never signalled.
    func terminate() {
        guard ended == nil else { return }
        ended = child.poll()
        guard ended == nil else { return }
        child.signal(SIGTERM)
        ended = child.wait()
    }

    /// Close-on-exec, so no other child inherits either end.
    private static func makePipe() throws -> (readEnd: FileDescriptor, writeEnd: FileDescriptor) {
        let ends: (readEnd: FileDescriptor, writeEnd: FileDescriptor)
        do { ends = try FileDescriptor.pipe() } catch {
            throw PgDumpError(message: "cannot create a pipe for pg_dump: \(error)")
        }
        try? ends.readEnd.setCloseOnExec()
        try? ends.writeEnd.setCloseOnExec()
        return ends
    }

    /// pg_dump's standard error, kept as its error lines only.
    private final class ErrorLog: @unchecked Sendable {
        private let condition = Condition()
        private var pending: [UInt8] = []
        private var closed = false
        private var errors: [String] = []

        var errorLines: [String] { condition.withLock { errors } }

        func append(_ data: ArraySlice<UInt8>) {
            condition.lock()
            defer { condition.unlock() }
            pending.append(contentsOf: data)
            while let newline = pending.firstIndex(of: 0x0a) {
                let line = String(decoding: pending[pending.startIndex..<newline], as: UTF8.self)
                pending.removeSubrange(pending.startIndex...newline)
                let text = line.hasPrefix("pg_dump: ") ? String(line.dropFirst(9)) : line
                if line.hasPrefix("pg_dump: error:") || line.hasPrefix("pg_dump: detail:") || line.hasPrefix("pg_dump: hint:")
                    || !line.hasPrefix("pg_dump: ") {
                    if errors.count < 20 { errors.append(text) }
                }
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
