import Glibc
import FoundationEssentials
import ScalpelArchive

/// A single status line on standard error, redrawn at most a few times a second,
/// and only when standard error is a terminal: scripts and logs see nothing.
public final class Progress {
    private let label: String
    private var lastDraw = Date.distantPast
    private var drawn = false

    public init?(label: String, enabled: Bool = isatty(2) != 0) {
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

public func writeStandardError(_ text: String) {
    var bytes = Array(text.utf8)
    var done = 0
    while done < bytes.count {
        let n = bytes.withUnsafeMutableBytes { write(2, $0.baseAddress! + done, $0.count - done) }
        if n <= 0 { if errno == EINTR { continue }; return }
        done += n
    }
}

public func writeStandardOutput(_ bytes: UnsafeRawBufferPointer) throws {
    var done = 0
    while done < bytes.count {
        let n = write(1, bytes.baseAddress! + done, bytes.count - done)
        if n < 0 {
            if errno == EINTR { continue }
            throw ArchiveError(.io, "cannot write standard output: \(String(cString: strerror(errno)))", errno: errno)
        }
        done += n
    }
}

public func writeStandardOutput(_ text: String) throws {
    try Array(text.utf8).withUnsafeBytes { try writeStandardOutput($0) }
}
