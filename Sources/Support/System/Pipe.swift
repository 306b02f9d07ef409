import CLinux
import Glibc

extension FileDescriptor {
    /// A new pipe: what is written to `writeEnd` is read from `readEnd`, which reads
    /// 0 once every copy of `writeEnd` is closed.
    ///
    /// The corresponding C function is `pipe`.
    public static func pipe() throws(Errno) -> (readEnd: FileDescriptor, writeEnd: FileDescriptor) {
        var ends: [Int32] = [0, 0]
        try nothingOrErrno { Glibc.pipe(&ends) }
        return (FileDescriptor(rawValue: ends[0]), FileDescriptor(rawValue: ends[1]))
    }

    /// Asks the kernel to let the pipe hold `bytes` before a writer blocks; fails
    /// with EBADF for a descriptor that is not a pipe, EPERM past the user's limit.
    ///
    /// The corresponding C function is `fcntl`, with `F_SETPIPE_SZ`.
    public func setPipeCapacity(_ bytes: Int) throws(Errno) {
        try nothingOrErrno { CLinux_setPipeSize(rawValue, Int32(clamping: bytes)) }
    }

    /// How many bytes the pipe holds before a writer blocks.
    ///
    /// The corresponding C function is `fcntl`, with `F_GETPIPE_SZ`.
    public func pipeCapacity() throws(Errno) -> Int {
        Int(try valueOrErrno { CLinux_pipeSize(rawValue) })
    }
}
