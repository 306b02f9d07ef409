import FoundationEssentials
import PostgresAccess
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
    /// For `backup`: the database its dump came from, as the connection reached it.
    public var source: ConnectionEndpoint?
    /// For `backup`: the file's SHA-256, to record beside it.
    public var sha256: String?
    /// For `backup`: the pg_dump that ran and the version it wrote into the dump,
    /// as several installations may be on the machine.
    public var pgDump: String?
    public var pgDumpVersion: String?
    /// What a backup's caller must look at (a backup with no table: most often the
    /// wrong database, reached through a variable nobody looked at).
    public var warnings: [String] = []

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

    /// A backup's summary: where it came from, and no table flagged.
    public init(backup result: Backup.Result, path: String, allowEmpty: Bool) {
        self.init(path: path, index: result.index)
        source = result.source
        sha256 = result.sha256
        pgDump = result.pgDump
        pgDumpVersion = result.index.dump.pgDumpVersion
        if tables == 0 && !allowEmpty {
            warnings.append("the backup of \(result.source) holds no table: is that the database meant? "
                + "(--allow-empty accepts it)")
        }
    }

    public func renderText() -> String {
        var lines = source.map { ["backup of \($0)"] } ?? []
        if let pgDump { lines.append("dumped by \(pgDump)" + (pgDumpVersion.map { " (pg_dump \($0))" } ?? "")) }
        lines += warnings.map { "WARNING: \($0)" }
        lines.append("\(archive): \(tables) tables, \(rows) rows, \(sections) sections in \(members) members; "
            + "\(formatBytes(dumpBytes)) of SQL in \(formatBytes(archiveBytes))")
        if let sha256 { lines.append("sha256: \(sha256)") }
        return printableLines(lines)
    }
}

extension ArchiveSummary: CommandOutcome {
    /// A flagged backup is written, and kept, but is not a success for cron to ignore.
    public var exitStatus: ExitStatus { warnings.isEmpty ? .success : .checkFailed }
}
