import FoundationEssentials
import ScalpelArchive
import Support

/// An unlinked temporary file, so nothing is left behind whatever happens: where
/// the listed differences wait while the merge runs (the summary that comes first
/// is known only at the end, and the list may be larger than memory), and where
/// the sorted runs of an out-of-order backup wait to be merged.
final class DiffSpool {
    private let descriptor: FileDescriptor

    init() throws {
        let created: (descriptor: FileDescriptor, path: String)
        do {
            created = try FileDescriptor.makeTemporaryFile(
                template: "\(FileManager.default.temporaryDirectory.path)/pgscalpel-diff-XXXXXX")
        } catch {
            throw ArchiveError(.io, "cannot create a temporary file: \(error)", errno: error)
        }
        try? FileSystem.removeFile(created.path)
        self.descriptor = created.descriptor
    }

    deinit {
        try? descriptor.close()
    }

    func write(_ bytes: [UInt8]) throws {
        try DescriptorSink(fd: descriptor, name: "the temporary file").write(bytes)
    }

    /// Up to `buffer.count` bytes from `offset`; 0 at the end.
    func read(at offset: UInt64, into buffer: UnsafeMutableRawBufferPointer) throws -> Int {
        do { return try descriptor.read(fromAbsoluteOffset: offset, into: buffer) } catch {
            throw ArchiveError(.io, "cannot read a temporary file: \(error)", errno: error)
        }
    }

    /// Everything written, from the start, in pieces to `body`.
    func replay(_ body: (UnsafeRawBufferPointer) throws -> Void) throws {
        do { try descriptor.seek(toAbsoluteOffset: 0) } catch {
            throw ArchiveError(.io, "cannot rewind a temporary file: \(error)", errno: error)
        }
        var buffer = [UInt8](repeating: 0, count: 1 << 20)
        while true {
            let count: Int
            do { count = try descriptor.read(into: &buffer) } catch {
                throw ArchiveError(.io, "cannot read a temporary file: \(error)", errno: error)
            }
            if count == 0 { return }
            try buffer.withUnsafeBytes { try body(UnsafeRawBufferPointer(rebasing: $0[..<count])) }
        }
    }
}
