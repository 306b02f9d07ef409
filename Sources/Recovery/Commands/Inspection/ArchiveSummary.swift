import FoundationEssentials
import ScalpelArchive

/// The few lines `backup` and `pack -f` print about the archive they wrote.
public struct ArchiveSummary: Codable, Sendable {
    public var archive: String
    public var tables: Int
    public var rows: UInt64
    public var sections: Int
    public var members: Int
    public var dumpBytes: UInt64
    public var archiveBytes: UInt64

    public init(path: String, index: ArchiveIndex) {
        archive = path
        tables = index.tables.count
        rows = index.sections.reduce(0) { $0 + ($1.rows ?? 0) }
        sections = index.sections.count
        members = index.members.count
        dumpBytes = index.uncompressedSize
        let attributes = try? FileManager.default.attributesOfItem(atPath: path)
        archiveBytes = (attributes?[.size] as? UInt).map(UInt64.init) ?? index.compressedSize
    }

    public func renderText() -> String {
        printableLines(["\(archive): \(tables) tables, \(rows) rows, \(sections) sections in \(members) members; "
            + "\(formatBytes(dumpBytes)) of SQL in \(formatBytes(archiveBytes))"])
    }
}
