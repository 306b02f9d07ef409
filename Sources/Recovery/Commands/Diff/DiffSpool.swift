import Glibc
import FoundationEssentials
import ScalpelArchive

/// Where the listed differences wait while the merge runs: the summary that
/// comes first is known only at the end, and the list may be larger than memory.
/// An unlinked temporary file, so nothing is left behind whatever happens.
final class DiffSpool {
    private let descriptor: Int32

    init() throws {
        var template = Array("\(FileManager.default.temporaryDirectory.path)/pgscalpel-diff-XXXXXX".utf8CString)
        let descriptor = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        guard descriptor >= 0 else {
            throw ArchiveError(.io, "cannot create a temporary file: \(String(cString: strerror(errno)))", errno: errno)
        }
        template.withUnsafeBufferPointer { _ = unlink($0.baseAddress!) }
        self.descriptor = descriptor
    }

    deinit {
        close(descriptor)
    }

    func write(_ bytes: [UInt8]) throws {
        try DescriptorSink(fd: descriptor, name: "the temporary file").write(bytes)
    }

    /// Everything written, from the start, in pieces to `body`.
    func replay(_ body: (UnsafeRawBufferPointer) throws -> Void) throws {
        guard lseek(descriptor, 0, SEEK_SET) == 0 else {
            throw ArchiveError(.io, "cannot rewind a temporary file: \(String(cString: strerror(errno)))", errno: errno)
        }
        var buffer = [UInt8](repeating: 0, count: 1 << 20)
        while true {
            let count = buffer.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
            if count < 0 && errno == EINTR { continue }
            guard count >= 0 else {
                throw ArchiveError(.io, "cannot read a temporary file: \(String(cString: strerror(errno)))", errno: errno)
            }
            if count == 0 { return }
            try buffer.withUnsafeBytes { try body(UnsafeRawBufferPointer(rebasing: $0[..<count])) }
        }
    }
}
