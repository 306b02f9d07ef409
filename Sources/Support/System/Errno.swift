import Glibc

/// Why a C call failed, as the number it left in `errno`. Kept with the failure
/// rather than read again later, since the next call (even `strerror`) may
/// overwrite `errno`; its description is the C library's own text, the words a
/// user sees after "cannot write standard output: ".
public struct Errno: Error, RawRepresentable, Hashable, Sendable, CustomStringConvertible {
    /// The C error number.
    public let rawValue: Int32

    public init(rawValue: Int32) { self.rawValue = rawValue }

    /// What the calling thread's most recent failed call left: read at once, before
    /// anything else can change it.
    ///
    /// The corresponding C variable is `errno`.
    public static var current: Errno { Errno(rawValue: errno) }

    /// The text for the number, such as "No space left on device".
    ///
    /// The corresponding C function is `strerror`.
    public var description: String { String(cString: strerror(rawValue)) }

    /// A signal arrived while the call waited; the funnel in Syscalls.swift retries.
    ///
    /// The corresponding C error is `EINTR`.
    public static let interrupted = Errno(rawValue: EINTR)

    /// The descriptor is not open, or not open for this.
    ///
    /// The corresponding C error is `EBADF`.
    public static let badFileDescriptor = Errno(rawValue: EBADF)

    /// Something is already there under the name.
    ///
    /// The corresponding C error is `EEXIST`.
    public static let fileExists = Errno(rawValue: EEXIST)

    /// An argument the call refuses; also what a file system says of a flag it lacks.
    ///
    /// The corresponding C error is `EINVAL`.
    public static let invalidArgument = Errno(rawValue: EINVAL)

    /// The kernel has no such call.
    ///
    /// The corresponding C error is `ENOSYS`.
    public static let noFunction = Errno(rawValue: ENOSYS)

    /// The file system cannot do this (an unnamed file on a file system without one).
    ///
    /// The corresponding C error is `EOPNOTSUPP`.
    public static let notSupported = Errno(rawValue: EOPNOTSUPP)

    /// The path is a folder; also what kernels before 3.11 say of `O_TMPFILE`.
    ///
    /// The corresponding C error is `EISDIR`.
    public static let isDirectory = Errno(rawValue: EISDIR)
}
