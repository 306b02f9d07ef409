import Glibc
import Support

/// Random access to an archive's bytes. Readers go through this so that a test
/// can count what a command really reads.
public protocol ByteSource: AnyObject {
    var size: UInt64 { get }
    /// Reads exactly `count` bytes at `offset`, or throws `.truncated`.
    func read(at offset: UInt64, count: Int) throws -> [UInt8]
}

/// An archive on disk, read with `pread` so that several readers may share it.
public final class FileByteSource: ByteSource {
    private let fd: FileDescriptor
    public let path: String
    public let size: UInt64

    public init(path: String) throws {
        let fd: FileDescriptor
        // Non-blocking, so that a FIFO is refused below instead of waiting for a writer;
        // on a regular file the flag changes nothing.
        do { fd = try FileDescriptor.open(path, options: [.closeOnExec, .nonBlocking]) } catch {
            throw ArchiveError(.io, "cannot open \(path): \(error)", errno: error)
        }
        let status: stat
        do { status = try fd.status() } catch {
            try? fd.close()
            throw ArchiveError(.io, "cannot stat \(path): \(error)", errno: error)
        }
        guard status.st_mode & S_IFMT == S_IFREG else {
            try? fd.close()
            throw ArchiveError(.io, "\(path) is \(Self.kind(of: status.st_mode)), not a file: an archive is read "
                               + "by offset, so copy it to a file first")
        }
        size = UInt64(status.st_size)
        self.fd = fd
        self.path = path
    }

    deinit { try? fd.close() }

    private static func kind(of mode: mode_t) -> String {
        switch mode & S_IFMT {
        case S_IFIFO: "a pipe"
        case S_IFDIR: "a folder"
        case S_IFCHR: "a character device"
        case S_IFBLK: "a block device"
        case S_IFSOCK: "a socket"
        default: "a special file"
        }
    }

    public func read(at offset: UInt64, count: Int) throws -> [UInt8] {
        guard count > 0 else { return [] }
        let (end, overflow) = offset.addingReportingOverflow(UInt64(count))
        guard !overflow, end <= size else {
            throw ArchiveError(.truncated, "\(path) ends before byte \(overflow ? UInt64.max : end)")
        }
        return try [UInt8](unsafeUninitializedCapacity: count) { buffer, initialized in
            var done = 0
            while done < count {
                let rest = UnsafeMutableRawBufferPointer(UnsafeMutableBufferPointer(rebasing: buffer[done...]))
                let n: Int
                do throws(Errno) { n = try fd.read(fromAbsoluteOffset: offset + UInt64(done), into: rest) } catch {
                    throw ArchiveError(.io, "cannot read \(path): \(error)", errno: error)
                }
                if n == 0 { throw ArchiveError(.truncated, "\(path) ends before byte \(end)") }
                done += n
            }
            initialized = count
        }
    }
}

/// Counts the bytes a reader asks for, to prove that reading one table reads only its members.
public final class CountingByteSource: ByteSource {
    private let base: any ByteSource
    public private(set) var bytesRead: UInt64 = 0
    public private(set) var reads: [(offset: UInt64, count: Int)] = []

    public init(_ base: any ByteSource) { self.base = base }

    public var size: UInt64 { base.size }

    public func read(at offset: UInt64, count: Int) throws -> [UInt8] {
        bytesRead += UInt64(count)
        reads.append((offset, count))
        return try base.read(at: offset, count: count)
    }
}
