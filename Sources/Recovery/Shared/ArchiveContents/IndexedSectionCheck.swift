import DumpParser
import ScalpelArchive

/// Holds each section a command reads against what the index says of it, member
/// by member before the command sees the bytes: an index edited to send a table's
/// name to another table's rows, a section listed under another type, COPY data
/// without its `\.` or with rows of the wrong width, must not reach the output
/// under the index's word. The CRCs prove only that the bytes are those the index
/// was written with, and whoever can edit the index can recompute them.
final class IndexedSectionCheck: SectionContentCheck {
    private let section: Section
    private let checksRows: Bool
    private var rescan = SectionRescan()

    init(section: Section, checksRows: Bool) {
        self.section = section
        self.checksRows = checksRows
    }

    func consume(_ bytes: [UInt8]) throws {
        let (ended, open) = bytes.withUnsafeBytes { rescan.consume($0) }
        if let row = rescan.malformedRow { throw damage("\(row)") }
        // The sections that ended before the open one, and that one as far as it is known.
        guard ended.count <= 1, ended.isEmpty || open.length == 0 else {
            throw mismatch("more than one section")
        }
        if let first = ended.first { return try compare(first, complete: true) }
        if open.kind != .prologue { return try compare(open, complete: false) }
        // No header yet: only the few SETs and comments pg_dump writes before one may
        // come first, not a member's worth of anything (an inflated run of zeros).
        if section.kind == .entry && open.length > Self.longestPreamble {
            throw mismatch("no TOC header in its first \(open.length) bytes")
        }
    }

    /// Far more than pg_dump's `SET default_tablespace`, `SET default_table_access_method`
    /// and blank lines before an entry's header.
    static let longestPreamble: UInt64 = 64 << 10

    func finish() throws {
        let found: [DumpSection]
        do {
            found = try rescan.finish()
        } catch let error as DumpError {
            throw damage("\(error)")
        }
        if let row = rescan.malformedRow { throw damage("\(row)") }
        guard found.count == 1 else { throw mismatch(found.isEmpty ? "nothing" : "\(found.count) sections") }
        try compare(found[0], complete: true)
    }

    /// What is known of `found` must be what the index says: all of it once the
    /// section is complete, its header, object and COPY target as soon as seen.
    private func compare(_ found: DumpSection, complete: Bool) throws {
        guard kind(of: found) == section.kind else { throw mismatch(describe(found)) }
        let header = found.header
        let schema = found.object?.schema ?? header?.schema
        let name = found.object?.name ?? header?.name
        var agrees = header?.type == section.type && header?.owner == section.owner
            && (found.object == nil && !complete || (schema == section.schema && name == section.name))
            && (found.copyTarget == nil && !complete
                || (found.copyTarget == section.copyTarget && found.copyColumns == section.columns))
            // The table of a sequence or an attached index is known only from other sections,
            // and so is an index's for its statistics: alone they read as the index's own.
            && (found.table == nil || found.table == section.table
                || (section.type == "STATISTICS DATA" && found.table == found.object))
            && found.statementsAfterCopy == 0
        if section.kind != .entry { agrees = true }
        if complete && checksRows && found.rows != section.rows { agrees = false }
        guard agrees else { throw mismatch(describe(found)) }
    }

    private func kind(of found: DumpSection) -> Section.Kind {
        switch found.kind {
        case .prologue: .prologue
        case .entry: .entry
        case .epilogue: .epilogue
        }
    }

    private func describe(_ found: DumpSection) -> String {
        guard let header = found.header else { return kind(of: found).rawValue }
        let object = found.object?.description ?? [header.schema, header.name].compactMap { $0 }.joined(separator: ".")
        let rows = found.rows.map { ", \($0) rows" } ?? ""
        let after = found.statementsAfterCopy > 0 ? ", then \(found.statementsAfterCopy) more statements" : ""
        return "\(header.type) \(object)\(rows)\(after)"
    }

    private func mismatch(_ found: String) -> ArchiveError {
        ArchiveError(.indexDamaged, "\(section.label): the index does not match the bytes it points at "
            + "(they hold \(found)); the archive is damaged")
    }

    private func damage(_ what: String) -> ArchiveError {
        ArchiveError(.memberDamaged, "\(section.label): \(what)")
    }
}

extension ArchiveReader {
    /// Every command reads archives through this: each section it reads is
    /// checked against the index as it goes (`IndexedSectionCheck`), and the
    /// index's settings against the prologue (`requireDumpSettings`). The drill
    /// leaves out the row counts, which it compares with the restored tables
    /// itself, so that it names every table that disagrees; `ls`, which shows the
    /// index as it is, and `verify`, which reports a disagreement, the settings.
    static func open(_ path: String, checkingRows: Bool = true, checkingSettings: Bool = true) throws -> ArchiveReader {
        let reader = try ArchiveReader(path: path, contentCheck: { IndexedSectionCheck(section: $0, checksRows: checkingRows) })
        if checkingSettings { try reader.requireDumpSettings(name: path) }
        return reader
    }
}
