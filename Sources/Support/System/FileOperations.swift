import CLinux
import Glibc

extension FileDescriptor {
    /// Reads what is there, up to `buffer.count` bytes; 0 at the end of the file or
    /// once every writer of a pipe has closed it.
    ///
    /// The corresponding C function is `read`.
    public func read(into buffer: UnsafeMutableRawBufferPointer) throws(Errno) -> Int {
        try valueOrErrno { Glibc.read(rawValue, buffer.baseAddress, buffer.count) }
    }

    /// `read` into an array, up to its count, so that the caller handles no pointer.
    ///
    /// The corresponding C function is `read`.
    public func read(into bytes: inout [UInt8]) throws(Errno) -> Int {
        // Array's closures rethrow untyped errors: the Errno crosses them in a Result.
        try bytes.withUnsafeMutableBytes { buffer in Result { () throws(Errno) in try read(into: buffer) } }.get()
    }

    /// Reads at `offset` without moving the file's offset, so that several readers
    /// may share one descriptor; may read less than asked, and 0 past the end.
    ///
    /// The corresponding C function is `pread`.
    public func read(fromAbsoluteOffset offset: UInt64, into buffer: UnsafeMutableRawBufferPointer) throws(Errno) -> Int {
        try valueOrErrno { pread(rawValue, buffer.baseAddress, buffer.count, off_t(offset)) }
    }

    /// Writes all of `bytes`, in as many writes as the descriptor takes: a pipe or a
    /// terminal may take less than was given.
    ///
    /// The corresponding C function is `write`.
    public func writeAll(_ bytes: UnsafeRawBufferPointer) throws(Errno) {
        var done = 0
        while done < bytes.count {
            let rest = UnsafeRawBufferPointer(rebasing: bytes[done...])
            done += try valueOrErrno { Glibc.write(rawValue, rest.baseAddress, rest.count) }
        }
    }

    /// `writeAll` for bytes in an array.
    ///
    /// The corresponding C function is `write`.
    public func writeAll(_ bytes: [UInt8]) throws(Errno) {
        try bytes.withUnsafeBytes { buffer in Result { () throws(Errno) in try writeAll(buffer) } }.get()
    }

    /// Moves the file's offset to `offset` bytes from its start, where the next `read` begins.
    ///
    /// The corresponding C function is `lseek`.
    public func seek(toAbsoluteOffset offset: Int64) throws(Errno) {
        _ = try valueOrErrno { lseek(rawValue, off_t(offset), SEEK_SET) }
    }

    /// Returns once what was written is on the disk, not only in the page cache.
    ///
    /// The corresponding C function is `fsync`.
    public func sync() throws(Errno) {
        try nothingOrErrno { fsync(rawValue) }
    }

    /// Starts writing `count` bytes from `offset` back to the disk and returns at
    /// once, so that a later `sync` has less left to wait for.
    ///
    /// The corresponding C function is `sync_file_range`, with `SYNC_FILE_RANGE_WRITE`.
    public func startWriteback(fromOffset offset: Int, count: Int) throws(Errno) {
        try nothingOrErrno { CLinux_startWriteback(rawValue, off_t(offset), off_t(count)) }
    }

    /// The file's size, type and owner, as the kernel has them now.
    ///
    /// The corresponding C function is `fstat`.
    public func status() throws(Errno) -> stat {
        var status = stat()
        try nothingOrErrno { fstat(rawValue, &status) }
        return status
    }

    /// Sets the file's permission bits, such as 0o600.
    ///
    /// The corresponding C function is `fchmod`.
    public func setPermissions(_ mode: mode_t) throws(Errno) {
        try nothingOrErrno { fchmod(rawValue, mode) }
    }

    /// Whether a person is likely watching: progress lines and the refusal to write an
    /// archive's bytes go by it.
    ///
    /// The corresponding C function is `isatty`.
    public var isTerminal: Bool { isatty(rawValue) != 0 }

    /// Makes the descriptor close itself in any program a child later execs, so that
    /// no child keeps a pipe end open that its reader waits on.
    ///
    /// The corresponding C function is `fcntl`, with `F_SETFD` and `FD_CLOEXEC`.
    public func setCloseOnExec() throws(Errno) {
        try nothingOrErrno { fcntl(rawValue, F_SETFD, FD_CLOEXEC) }
    }
}
