import Support

extension DrillReport {
    /// For pasting into an incident tool or a ticket: GitHub-flavoured markdown
    /// tables, every table's counts listed (the record should stand on its own).
    public func renderMarkdown() -> String {
        var lines = ["## Restore drill: \(cell(archive.path))", "",
                     "**\(ok ? "Passed" : "FAILED")** in \(decimal(seconds, places: 1)) s", ""]
        lines += ["| Archive | |", "|---|---|", "| file | \(cell(archive.path)) |", "| size | \(archive.bytes) bytes |",
                  "| index CRC-32 | \(archive.indexCRC32) |", "| dump | \(cell(dumpFacts)) |",
                  "| restored into | \(cell(restore.target)) |", ""]
        lines += ["| Phase | Seconds |", "|---|---:|"] + phases.map { "| \($0.name) | \(decimal($0.seconds, places: 1)) |" }
            + ["| total | \(decimal(seconds, places: 1)) |", ""]
        let header = ["Table", "Archive", "Restored"] + (production == nil ? [] : ["Production"])
        lines.append("| " + header.joined(separator: " | ") + " |")
        lines.append("|---|" + String(repeating: "---:|", count: header.count - 1))
        lines += counts.map { count in
            var row = [cell("\(count.table)"), "\(count.expected)", count.found.map { "\($0)" + (count.ok ? "" : " ✗") } ?? "?"]
            if production != nil { row.append(count.production == nil ? "absent" : Self.productionLine(count)) }
            return "| " + row.joined(separator: " | ") + " |"
        }
        lines += ["", "| Object kind | Expected | Found |", "|---|---:|---:|"]
            + kinds.map { "| \($0.type) | \($0.expected) | \($0.found) |" }
        if !missing.isEmpty { lines += ["", "Missing:"] + missing.map { "- \(cell($0))" } }
        if !extensions.isEmpty { lines += ["", "Extensions:"] + extensions.map { "- \(cell($0.name)): \(Self.versions($0))" } }
        if !drifted.isEmpty {
            lines += ["", "Over --max-row-drift \(decimal(maxRowDrift ?? 0, places: 1))%:"] + drifted.map { "- \(cell("\($0.table)"))" }
        }
        if !unchecked.isEmpty { lines += ["", "Not checked: \(unchecked.joined(separator: ", "))"] }
        if !restore.notes.isEmpty { lines += ["", "Notes:"] + restore.notes.map { "- \(cell($0))" } }
        if let kept { lines += ["", "Server kept: `\(kept.conninfo)`; remove with `\(kept.removeCommand)`"] }
        return printableLines(lines)
    }

    /// Text that cannot break out of a table cell or start markup.
    private func cell(_ text: String) -> String {
        text.replacing("\\", with: "\\\\").replacing("|", with: "\\|").replacing("`", with: "\\`")
            .replacing("*", with: "\\*").replacing("_", with: "\\_")
    }
}
