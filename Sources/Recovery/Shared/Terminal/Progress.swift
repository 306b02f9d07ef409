import FoundationEssentials
import ScalpelArchive
import Support

/// A single status line on standard error, redrawn at most a few times a second,
/// and only when standard error is a terminal: scripts and logs see nothing.
public final class Progress {
    private let label: String
    private var lastDraw = Date.distantPast
    private var drawn = false

    public init?(label: String, enabled: Bool = FileDescriptor.standardError.isTerminal) {
        guard enabled else { return nil }
        self.label = label
    }

    public func update(_ text: @autoclosure () -> String) {
        let now = Date()
        guard now.timeIntervalSince(lastDraw) >= 0.2 else { return }
        lastDraw = now
        drawn = true
        writeStandardError("\r\u{1b}[K\(label): \(printable(text()))")
    }

    public func finish() {
        if drawn { writeStandardError("\r\u{1b}[K") }
        drawn = false
    }
}

/// Best effort: with standard error gone there is nowhere left to say so.
public func writeStandardError(_ text: String) {
    try? FileDescriptor.standardError.writeAll(Array(text.utf8))
}

public func writeStandardOutput(_ bytes: UnsafeRawBufferPointer) throws {
    do { try FileDescriptor.standardOutput.writeAll(bytes) } catch {
        throw ArchiveError(.io, "cannot write standard output: \(error)", errno: error)
    }
}

public func writeStandardOutput(_ text: String) throws {
    try Array(text.utf8).withUnsafeBytes { try writeStandardOutput($0) }
}
