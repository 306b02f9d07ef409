import Support

extension DrillReport {
    /// For the terminal: the verdict first, then what was drilled, the phases, and
    /// only the checks that failed by name (passing ones as counts).
    public func renderText() -> String {
        var lines = ["drill of \(archive.path): \(verdict) in \(decimal(seconds, places: 1)) s"]
        lines.append("archive: \(archive.bytes) bytes, index CRC-32 \(archive.indexCRC32)")
        lines.append("dump: \(dumpFacts)")
        lines.append("restored \(restore.sections) sections into \(restore.target)")
        if let connection = restore.connection { lines.append("connected to \(connection)") }
        lines += phases.map { "  \($0.name): \(decimal($0.seconds, places: 1)) s" }
        let wrongCounts = counts.filter { !$0.ok }
        lines.append("row counts: \(counts.count - wrongCounts.count) of \(counts.count) tables match the index")
        lines += wrongCounts.map { "  \($0.table): \($0.found.map(String.init) ?? "?") rows, the index says \($0.expected)" }
        let expected = kinds.reduce(0) { $0 + $1.expected }
        lines.append("objects: \(expected - missing.count) of \(expected) present"
                     + (kinds.isEmpty ? "" : " (" + kinds.map { "\($0.type) \($0.found)/\($0.expected)" }.joined(separator: ", ") + ")"))
        lines += missing.map { "  missing: \($0)" }
        lines += extensions.map { "  extension \($0.name): " + Self.versions($0) }
        if !unchecked.isEmpty { lines.append("not checked: \(unchecked.joined(separator: ", "))") }
        if let production {
            // Only the tables that moved: the markdown record lists them all.
            let moved = counts.filter { $0.productionDelta != 0 }
            lines.append("production (\(production)): \(counts.count - moved.count) of \(counts.count) tables hold the archive's rows now")
            lines += moved.map { "  \($0.table): " + Self.productionLine($0) }
        }
        lines += drifted.map { "drift: \($0.table) moved \(decimal($0.drift ?? 0, places: 1))% in production, over --max-row-drift \(decimal(maxRowDrift ?? 0, places: 1))%" }
        if !restore.notes.isEmpty {
            lines.append("notes:")
            lines += restore.notes.map { "  \($0)" }
        }
        if let kept {
            lines.append("the server is kept for inspection: \(kept.conninfo)")
            lines.append("remove it with: \(kept.removeCommand)")
        }
        return printableLines(lines)
    }

    var dumpFacts: String {
        [archive.database.map { "database \($0)" }, archive.serverVersion.map { "server \($0)" },
         archive.dumpStartedAt.map { "started \($0)" }, archive.dumpCompletedAt.map { "completed \($0)" }]
            .compactMap { $0 }.joined(separator: ", ").nonEmpty ?? "no dump facts in the index"
    }

    static func versions(_ extension: Extension) -> String {
        let restored = `extension`.restored ?? "missing"
        guard let archived = `extension`.archive else { return "\(restored) (the archive records no version)" }
        return archived == restored ? restored : "\(restored), the archive's \(archived)"
    }

    static func productionLine(_ count: Count) -> String {
        guard let production = count.production, let delta = count.productionDelta else { return "not in production" }
        return "\(production) (archive \(count.expected), \(delta >= 0 ? "+" : "")\(delta), \(decimal(count.drift ?? 0, places: 1))%)"
    }
}

private extension String {
    var nonEmpty: String? { isEmpty ? nil : self }
}
