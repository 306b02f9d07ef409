import DumpParser

/// The report for a person: the summary, then one line per listed difference
/// (`-` deleted since the backup, `+` inserted since, `~` changed), values shown
/// as SQL literals and cut at 80 characters.
final class DiffTextWriter: DiffDetailWriter {
    private let layout: DiffLayout
    private let transcoder: UTF8Transcoder?

    init(layout: DiffLayout, transcoder: UTF8Transcoder?) {
        self.layout = layout
        self.transcoder = transcoder
    }

    func header(_ summary: DiffSummary) -> [UInt8] {
        var lines: [String] = []
        let dumped = summary.dumpStartedAt.map { "backup of \($0)" } ?? "backup"
        lines.append("\(summary.table): \(dumped) (\(summary.archive)) against \(summary.production)")
        lines.append("connected to \(summary.productionConnection)")
        if let note = databaseMismatchNote(backup: summary.backupDatabase, other: summary.productionDatabase,
                                           role: "production here is database") {
            lines.append(note)
        }
        let key = summary.keySource == .wholeRow ? "whole rows (no key)" : "\(summary.key.joined(separator: ", ")) (\(summary.keySource.rawValue))"
        lines.append("matched by \(key); \(summary.columns.count) columns compared; backup read from \(summary.backupReadFrom)")
        if let whereClause = summary.whereClause { lines.append("where: \(whereClause)") }
        lines.append("rows:     \(summary.backupRows) in the backup, \(summary.productionRows) in production")
        if !summary.isDifferent {
            lines.append("no differences")
        } else {
            lines.append("deleted:  \(summary.deleted) (in the backup only)")
            lines.append("inserted: \(summary.inserted) (in production only)")
            lines.append("changed:  \(summary.changed)")
            let width = summary.changedColumns.map(\.column.count).max() ?? 0
            for column in summary.changedColumns {
                lines.append("  \(column.column.padding(to: width))  \(column.rows)")
            }
        }
        let drift = summary.schemaDrift
        if !drift.isEmpty || !drift.generated.isEmpty {
            lines.append("schema drift:")
            lines += drift.textLines
        }
        if !summary.firingTriggers.isEmpty && summary.isDifferent {
            lines.append("note: BEFORE triggers on production's table (\(summary.firingTriggers.joined(separator: ", "))) "
                + "fire on every row a repair writes and may change it; apply --disable-triggers writes the backup's values")
        }
        if summary.listed > 0 { lines.append("") }
        return Array(printableLines(lines).utf8)
    }

    func write(_ detail: DiffDetail, number: Int, to output: inout [UInt8]) {
        let detail = detail.inUTF8(transcoder)
        let row = detail.row
        let key = layout.keyFields.map { field in
            layout.wholeRow ? Self.literal(row[field]) : "\(layout.columns[field])=\(Self.literal(row[field]))"
        }.joined(separator: ", ")
        var line: String
        switch detail.change {
        case .deleted, .inserted:
            line = (detail.change == .deleted ? "- " : "+ ") + key
            if !layout.wholeRow {
                let rest = layout.columns.indices.filter { !layout.keyFields.contains($0) }
                    .map { "\(layout.columns[$0])=\(Self.literal(row[$0]))" }
                if !rest.isEmpty { line += ": " + rest.joined(separator: ", ") }
            }
        case .changed:
            let production = detail.production ?? []
            line = "~ \(key): " + detail.changedColumns.map { field in
                "\(layout.columns[field]) \(Self.literal(row[field])) -> \(Self.literal(production[field]))"
            }.joined(separator: "; ")
        }
        // Column names from the archive, made printable; the values are escaped literals already.
        output += Array((printable(line) + "\n").utf8)
    }

    func footer(_ summary: DiffSummary) -> [UInt8] {
        let total = summary.deleted + summary.inserted + summary.changed
        guard total > summary.listed else { return [] }
        return Array("(\(total - summary.listed) more not listed: raise --limit)\n".utf8)
    }

    /// A value as a SQL literal a reader can take in at a glance: `E'...'` when it
    /// holds control characters (those `printable` escapes) or backslashes, cut after 80 characters.
    static func literal(_ value: [UInt8]?) -> String {
        guard let value else { return "NULL" }
        if let first = value.first, first == UInt8(ascii: "-") || (0x30...0x39).contains(first),
           value.dropFirst().allSatisfy({ (0x30...0x39).contains($0) || $0 == UInt8(ascii: ".") }) {
            return String(decoding: value, as: UTF8.self)
        }
        var text = String(decoding: value, as: UTF8.self)
        var cut = false
        if text.count > 80 {
            text = String(text.prefix(80))
            cut = true
        }
        var escaped = false
        var body = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "'": body += "''"
            case "\\": body += "\\\\"; escaped = true
            case "\n": body += "\\n"; escaped = true
            case "\t": body += "\\t"; escaped = true
            case "\r": body += "\\r"; escaped = true
            case _ where needsEscape(scalar):
                body += escape(scalar)
                escaped = true
            default: body.unicodeScalars.append(scalar)
            }
        }
        return (escaped ? "E'" : "'") + body + "'" + (cut ? "..." : "")
    }
}

private extension String {
    func padding(to width: Int) -> String {
        count >= width ? self : self + String(repeating: " ", count: width - count)
    }

    func leftPadded(to width: Int) -> String {
        count >= width ? self : String(repeating: "0", count: width - count) + self
    }
}
