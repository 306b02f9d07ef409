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

/// A file that appears under its final name only once it is complete: written to an
/// unnamed file in the same folder (`O_TMPFILE`), flushed to disk, then linked into
/// place. A failure, a crash or a `kill -9` leaves the final path untouched and no
/// file behind. Where the file system has no unnamed files, a hidden temporary file
/// (`.NAME.XXXXXX`) stands in, which a `kill -9` does leave.
public final class AtomicFileSink: ByteSink {
    public let path: String
    /// The hidden temporary file, where the file system could not keep the bytes
    /// unnamed; signal handlers remove it on interruption. Nil otherwise: nothing to remove.
    public let temporaryPath: String?
    private let folder: String
    private let base: String
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
        let descriptor: FileDescriptor
        do {
            do {
                descriptor = try FileDescriptor.makeUnnamedFile(in: folder, mode: mode)
                temporaryPath = nil
            } catch where error == .notSupported || error == .isDirectory {
                let created = try FileDescriptor.makeTemporaryFile(template: "\(folder)/.\(base).XXXXXX")
                try? created.descriptor.setPermissions(mode)
                descriptor = created.descriptor
                temporaryPath = created.path
            }
        } catch {
            throw ArchiveError(.io, "cannot create a file in \(folder): \(error)", errno: error)
        }
        self.path = path
        self.replacing = replacing
        self.folder = folder
        self.base = base
        self.sink = DescriptorSink(fd: descriptor, name: path)
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

    /// Flushes and moves into place; after this the file is durable under `path`.
    public func commit() throws {
        guard !finished else { return }
        finished = true
        defer { try? sink.fd.close() }
        do { try sink.fd.sync() } catch {
            removeTemporaryFile()
            throw ArchiveError(.io, "cannot flush \(path): \(error)", errno: error)
        }
        do { try moveIntoPlace() } catch {
            removeTemporaryFile()
            if error == .fileExists {
                throw ArchiveError(.io, "\(path) exists already: it was left as it was", errno: error)
            }
            throw ArchiveError(.io, "cannot move into \(path): \(error)", errno: error)
        }
        // The new name itself is durable only once the folder is flushed too.
        if let folder = try? FileDescriptor.open(self.folder, options: [.directory, .closeOnExec]) {
            try? folder.sync()
            try? folder.close()
        }
    }

    private func moveIntoPlace() throws(Errno) {
        guard let temporaryPath else {
            guard replacing else { return try sink.fd.link(as: path) }
            // A link cannot replace: a hidden name first, for the instant before the rename.
            let hidden = try linkUnderHiddenName()
            do { try FileSystem.rename(hidden, to: path) } catch {
                try? FileSystem.removeFile(hidden)
                throw error
            }
            return
        }
        guard !replacing else { return try FileSystem.rename(temporaryPath, to: path) }
        do { try FileSystem.renameWithoutReplacing(temporaryPath, to: path) } catch {
            guard error == .invalidArgument || error == .noFunction else { throw error }
            // No atomic way on this file system: look, then rename.
            guard (try? FileSystem.checkAccess(path)) == nil else { throw .fileExists }
            try FileSystem.rename(temporaryPath, to: path)
        }
    }

    /// Links the unnamed file as `.NAME.` and a random suffix no file there has.
    private func linkUnderHiddenName() throws(Errno) -> String {
        var generator = SystemRandomNumberGenerator()
        while true {
            let hidden = "\(folder)/.\(base).\(String(generator.next() as UInt64, radix: 36))"
            do {
                try sink.fd.link(as: hidden)
                return hidden
            } catch where error == .fileExists {
                continue
            }
        }
    }

    private func removeTemporaryFile() {
        if let temporaryPath { try? FileSystem.removeFile(temporaryPath) }
    }

    /// Drops what was written; the final path never existed.
    public func discard() {
        guard !finished else { return }
        finished = true
        try? sink.fd.close()
        removeTemporaryFile()
    }

    deinit { discard() }
}
