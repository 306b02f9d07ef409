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
        do { fd = try FileDescriptor.open(path, options: .closeOnExec) } catch {
            throw ArchiveError(.io, "cannot open \(path): \(error)", errno: error)
        }
        do { size = UInt64(try fd.status().st_size) } catch {
            try? fd.close()
            throw ArchiveError(.io, "cannot stat \(path): \(error)", errno: error)
        }
        self.fd = fd
        self.path = path
    }

    deinit { try? fd.close() }

    public func read(at offset: UInt64, count: Int) throws -> [UInt8] {
        guard count > 0 else { return [] }
        guard offset + UInt64(count) <= size else {
            throw ArchiveError(.truncated, "\(path) ends before byte \(offset + UInt64(count))")
        }
        return try [UInt8](unsafeUninitializedCapacity: count) { buffer, initialized in
            var done = 0
            while done < count {
                let rest = UnsafeMutableRawBufferPointer(UnsafeMutableBufferPointer(rebasing: buffer[done...]))
                let n: Int
                do throws(Errno) { n = try fd.read(fromAbsoluteOffset: offset + UInt64(done), into: rest) } catch {
                    throw ArchiveError(.io, "cannot read \(path): \(error)", errno: error)
                }
                if n == 0 { throw ArchiveError(.truncated, "\(path) ends before byte \(offset + UInt64(count))") }
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
