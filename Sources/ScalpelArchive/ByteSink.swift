import CLinux
import Glibc

/// Where archive bytes go: a file being written atomically, or standard output for `pack`.
public protocol ByteSink: AnyObject {
    func write(_ bytes: UnsafeRawBufferPointer) throws
}

extension ByteSink {
    public func write(_ bytes: [UInt8]) throws {
        try bytes.withUnsafeBytes { try write($0) }
    }
}

/// An already open file descriptor, such as standard output. Not owned: never closed here.
public final class DescriptorSink: ByteSink {
    let fd: Int32
    let name: String

    public init(fd: Int32, name: String) {
        self.fd = fd
        self.name = name
    }

    public func write(_ bytes: UnsafeRawBufferPointer) throws {
        var done = 0
        while done < bytes.count {
            let n = Glibc.write(fd, bytes.baseAddress! + done, bytes.count - done)
            if n < 0 {
                if errno == EINTR { continue }
                let code = errno
                throw ArchiveError(.io, "cannot write \(name): \(String(cString: strerror(code)))", errno: code)
            }
            done += n
        }
    }
}

/// A file that appears under its final name only once it is complete: written to a
/// temporary file in the same folder, flushed to disk, then renamed. A failure or a
/// crash leaves the final path untouched, never half-written.
public final class AtomicFileSink: ByteSink {
    public let path: String
    /// Where the bytes go until `commit()`; signal handlers remove it on interruption.
    public let temporaryPath: String
    private let folder: String
    /// Whether `commit()` may take the place of a file already under `path`.
    private let replacing: Bool
    private let sink: DescriptorSink
    private var finished = false
    private var written = 0
    private var writebackStarted = 0
    /// Writeback of what is written starts every 8 MiB, so the fsync in `commit()`
    /// waits for the last few MiB instead of the whole archive (0.04 s against 0.14 s
    /// for 60 MiB here, and seconds for a large archive on a slow volume). Left alone,
    /// the kernel starts writing back only after 30 s or past its dirty-memory threshold.
    static let writebackStep = 8 << 20

    /// Mode 0600: a backup holds every row of the database. Without `replacing`,
    /// a file that appears under `path` meanwhile is kept and `commit()` fails.
    public init(path: String, mode: mode_t = 0o600, replacing: Bool = true) throws {
        let folder = Self.folder(of: path)
        let base = path.lastIndex(of: "/").map { String(path[path.index(after: $0)...]) } ?? path
        var template = Array("\(folder)/.\(base).XXXXXX".utf8CString)
        let fd = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        guard fd >= 0 else {
            let code = errno
            throw ArchiveError(.io, "cannot create a file in \(folder): \(String(cString: strerror(code)))", errno: code)
        }
        fchmod(fd, mode)
        self.path = path
        self.replacing = replacing
        self.folder = folder
        self.temporaryPath = template.withUnsafeBufferPointer { String(cString: $0.baseAddress!) }
        self.sink = DescriptorSink(fd: fd, name: path)
    }

    /// The folder the file and its temporary file go in: "." for a bare name.
    public static func folder(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "." }
        return slash == path.startIndex ? "/" : String(path[..<slash])
    }

    public func write(_ bytes: UnsafeRawBufferPointer) throws {
        try sink.write(bytes)
        written += bytes.count
        if written - writebackStarted >= Self.writebackStep {
            // Advisory: where it fails (a file system without it), fsync does all the work.
            _ = CLinux_startWriteback(sink.fd, writebackStarted, written - writebackStarted)
            writebackStarted = written
        }
    }

    /// Flushes and renames into place; after this the file is durable under `path`.
    public func commit() throws {
        guard !finished else { return }
        finished = true
        defer { close(sink.fd) }
        guard fsync(sink.fd) == 0 else {
            let code = errno
            unlink(temporaryPath)
            throw ArchiveError(.io, "cannot flush \(path): \(String(cString: strerror(code)))", errno: code)
        }
        guard moveIntoPlace() == 0 else {
            let code = errno
            unlink(temporaryPath)
            if code == EEXIST { throw ArchiveError(.io, "\(path) exists already: it was left as it was", errno: code) }
            throw ArchiveError(.io, "cannot rename into \(path): \(String(cString: strerror(code)))", errno: code)
        }
        // The rename itself is durable only once the folder is flushed too.
        let folder = open(self.folder, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        if folder >= 0 {
            fsync(folder)
            close(folder)
        }
    }

    private func moveIntoPlace() -> Int32 {
        guard !replacing else { return rename(temporaryPath, path) }
        let moved = CLinux_renameNoReplace(temporaryPath, path)
        guard moved != 0 && (errno == EINVAL || errno == ENOSYS) else { return moved }
        // No atomic way on this file system: look, then rename.
        guard access(path, F_OK) != 0 else {
            errno = EEXIST
            return -1
        }
        return rename(temporaryPath, path)
    }

    /// Removes the temporary file; the final path never existed.
    public func discard() {
        guard !finished else { return }
        finished = true
        close(sink.fd)
        unlink(temporaryPath)
    }

    deinit { discard() }
}
