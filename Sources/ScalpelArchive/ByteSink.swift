import Glibc
import Support

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
    let fd: FileDescriptor
    let name: String

    public init(fd: FileDescriptor, name: String) {
        self.fd = fd
        self.name = name
    }

    public func write(_ bytes: UnsafeRawBufferPointer) throws {
        do { try fd.writeAll(bytes) } catch {
            throw ArchiveError(.io, "cannot write \(name): \(error)", errno: error)
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
        let created: (descriptor: FileDescriptor, path: String)
        do { created = try FileDescriptor.makeTemporaryFile(template: "\(folder)/.\(base).XXXXXX") } catch {
            throw ArchiveError(.io, "cannot create a file in \(folder): \(error)", errno: error)
        }
        try? created.descriptor.setPermissions(mode)
        self.path = path
        self.replacing = replacing
        self.folder = folder
        self.temporaryPath = created.path
        self.sink = DescriptorSink(fd: created.descriptor, name: path)
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
            try? sink.fd.startWriteback(fromOffset: writebackStarted, count: written - writebackStarted)
            writebackStarted = written
        }
    }

    /// Flushes and renames into place; after this the file is durable under `path`.
    public func commit() throws {
        guard !finished else { return }
        finished = true
        defer { try? sink.fd.close() }
        do { try sink.fd.sync() } catch {
            try? FileSystem.removeFile(temporaryPath)
            throw ArchiveError(.io, "cannot flush \(path): \(error)", errno: error)
        }
        do { try moveIntoPlace() } catch {
            try? FileSystem.removeFile(temporaryPath)
            if error == .fileExists {
                throw ArchiveError(.io, "\(path) exists already: it was left as it was", errno: error)
            }
            throw ArchiveError(.io, "cannot rename into \(path): \(error)", errno: error)
        }
        // The rename itself is durable only once the folder is flushed too.
        if let folder = try? FileDescriptor.open(self.folder, options: [.directory, .closeOnExec]) {
            try? folder.sync()
            try? folder.close()
        }
    }

    private func moveIntoPlace() throws(Errno) {
        guard !replacing else { return try FileSystem.rename(temporaryPath, to: path) }
        do { try FileSystem.renameWithoutReplacing(temporaryPath, to: path) } catch {
            guard error == .invalidArgument || error == .noFunction else { throw error }
            // No atomic way on this file system: look, then rename.
            guard (try? FileSystem.checkAccess(path)) == nil else { throw .fileExists }
            try FileSystem.rename(temporaryPath, to: path)
        }
    }

    /// Removes the temporary file; the final path never existed.
    public func discard() {
        guard !finished else { return }
        finished = true
        try? sink.fd.close()
        try? FileSystem.removeFile(temporaryPath)
    }

    deinit { discard() }
}
