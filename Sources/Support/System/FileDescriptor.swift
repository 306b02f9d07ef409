import Glibc

/// An open file descriptor, typed so that a byte count or a pid cannot go where a
/// descriptor does. A plain value, as in swift-system: closing is explicit, because
/// who closes differs (a pipe end handed to a child, standard output never).
public struct FileDescriptor: RawRepresentable, Hashable, Sendable {
    /// The C descriptor, for the calls this layer does not wrap (posix_spawn's file actions).
    public let rawValue: Int32

    public init(rawValue: Int32) { self.rawValue = rawValue }

    public static let standardInput = FileDescriptor(rawValue: 0)
    public static let standardOutput = FileDescriptor(rawValue: 1)
    public static let standardError = FileDescriptor(rawValue: 2)

    /// How `open` treats the path.
    public struct OpenOptions: OptionSet, Sendable {
        public let rawValue: Int32
        public init(rawValue: Int32) { self.rawValue = rawValue }

        /// No child started later inherits the descriptor (`O_CLOEXEC`).
        public static let closeOnExec = OpenOptions(rawValue: O_CLOEXEC)
        /// Fails unless the path is a folder, opened to flush its entries (`O_DIRECTORY`).
        public static let directory = OpenOptions(rawValue: O_DIRECTORY)
        /// Returns at once where opening would wait (a FIFO with no writer) (`O_NONBLOCK`).
        public static let nonBlocking = OpenOptions(rawValue: O_NONBLOCK)
    }

    /// Opens `path` for reading. Read-only on purpose: pgscalpel creates files only
    /// through `makeTemporaryFile` and a rename, so that none is ever half-written.
    ///
    /// The corresponding C function is `open`.
    public static func open(_ path: String, options: OpenOptions) throws(Errno) -> FileDescriptor {
        FileDescriptor(rawValue: try valueOrErrno { Glibc.open(path, O_RDONLY | options.rawValue) })
    }

    /// Closes the descriptor; whatever it reports, the descriptor is gone.
    ///
    /// The corresponding C function is `close`.
    public func close() throws(Errno) {
        try nothingOrErrno(retryOnInterrupt: false) { Glibc.close(rawValue) }
    }
}
