import Support

/// Why an archive cannot be written or read. Each description is one line that
/// names the damaged part, so an operator knows which table is affected.
public struct ArchiveError: Error, CustomStringConvertible, Sendable, Equatable {
    public enum Code: Sendable, Equatable {
        case notGzip
        case noFooter
        case unsupportedVersion
        case indexDamaged
        case memberDamaged
        case truncated
        case io
        case compression
        case sectionNotFound
    }

    public var code: Code
    public var message: String
    /// Why the OS refused, when an I/O call failed.
    public var errno: Errno?

    public init(_ code: Code, _ message: String, errno: Errno? = nil) {
        self.code = code
        self.message = message
        self.errno = errno
    }

    public var description: String { message }
}
