import Foundation
import Recovery
import ScalpelArchive
import TestSupport

/// An archive file packed from pg_dump output, the way `pgscalpel pack -f` does, removed
/// when the test releases it.
final class PackedArchive {
    let path: String

    init(fixture: String, memberLimit: Int = ArchiveLayout.defaultMemberLimit) throws {
        path = try Self.file(of: fixture, memberLimit: memberLimit)
    }

    init(dump: [UInt8], memberLimit: Int = ArchiveLayout.defaultMemberLimit) throws {
        path = try Self.file(packing: dump, memberLimit: memberLimit)
    }

    deinit { unlink(path) }

    /// Packs a fixture dump into a new archive file, which the caller removes.
    static func file(of fixture: String, memberLimit: Int = ArchiveLayout.defaultMemberLimit) throws -> String {
        try file(packing: Fixture.bytes(fixture), memberLimit: memberLimit)
    }

    /// Packs pg_dump output into a new archive file, which the caller removes. The output
    /// goes in in pieces of an odd size, as pg_dump's would, across every boundary.
    static func file(packing dump: [UInt8], memberLimit: Int = ArchiveLayout.defaultMemberLimit) throws -> String {
        let path = NSTemporaryDirectory() + "pgscalpel-\(UUID().uuidString).scalpel.sql.gz"
        let sink = try AtomicFileSink(path: path)
        let builder = try ArchiveBuilder(sink: sink, memberLimit: memberLimit)
        try dump.withUnsafeBytes { bytes in
            var offset = 0
            while offset < bytes.count {
                let end = min(offset + 4093, bytes.count)
                try builder.consume(UnsafeRawBufferPointer(rebasing: bytes[offset..<end]))
                offset = end
            }
        }
        _ = try builder.finish(dump: DumpInfo())
        try sink.commit()
        return path
    }
}
