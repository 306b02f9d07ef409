import ScalpelArchive
import Support

/// Best effort: with standard error gone there is nowhere left to say so.
public func writeStandardError(_ text: String) {
    try? FileDescriptor.standardError.writeAll(Array(text.utf8))
}

public func writeStandardOutput(_ bytes: UnsafeRawBufferPointer) throws {
    do { try FileDescriptor.standardOutput.writeAll(bytes) } catch {
        throw ArchiveError(.io, "cannot write standard output: \(error)", errno: error)
    }
}

public func writeStandardOutput(_ text: String) throws {
    try Array(text.utf8).withUnsafeBytes { try writeStandardOutput($0) }
}
