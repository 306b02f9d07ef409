import Support

/// `--format sql`: the patch that brings production's rows back to the backup's,
/// in one transaction, built by pgscalpel from the values alone (quoted
/// identifiers, quoted literals), never from SQL text in the archive. It sets the
/// session settings the values were written under, so each literal reads back
/// as the same value and a value printed in a condition prints as it was compared
/// (extra_float_digits, bytea_output). A patch cut short by `--limit` ends in ROLLBACK.
final class DiffSQLWriter: DiffDetailWriter {
    private let layout: DiffLayout
    private let settings: [(String, String)]
    private let table: String

    init(layout: DiffLayout, settings: [(String, String)]) {
        self.layout = layout
        self.settings = settings
        table = (layout.isPartitioned ? "" : "ONLY ") + layout.table.sqlIdentifier(defaultSchema: "public")
    }

    func header(_ summary: DiffSummary) -> [UInt8] {
        var unlisted = summary
        unlisted.listed = 0
        let text = DiffTextWriter(layout: layout, transcoder: nil).header(unlisted)
        let comments = String(decoding: text, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
            .dropLast().map { $0.isEmpty ? "--" : "-- \($0)" }
        var lines = comments
        lines += settings.map { "SET \($0.0) = \($0.1.sqlLiteral);" }
        lines.append("BEGIN;")
        if !summary.firingTriggers.isEmpty {
            // Left to the operator: turning triggers off needs the table's owner, and
            // an audit trigger may be one that must see the repair.
            lines.append("-- The triggers above would change the rows this writes (diff again would find them")
            lines.append("-- changed). To write the backup's values as they are, as the table's owner, uncomment:")
            lines += triggerStatements(summary, "DISABLE")
        }
        return Array((lines.joined(separator: "\n") + "\n").utf8)
    }

    private func triggerStatements(_ summary: DiffSummary, _ action: String) -> [String] {
        summary.firingTriggers.map { "-- ALTER TABLE \(table) \(action) TRIGGER \($0.sqlIdentifier);" }
    }

    func write(_ detail: DiffDetail, number: Int, to output: inout [UInt8]) {
        let row = detail.row
        switch detail.change {
        case .deleted:
            let names = layout.columns.map(\.sqlIdentifier).joined(separator: ", ")
            let overriding = layout.columns.contains(where: layout.alwaysIdentity.contains) ? " OVERRIDING SYSTEM VALUE" : ""
            let into = table.hasPrefix("ONLY ") ? String(table.dropFirst(5)) : table
            output += Array("INSERT INTO \(into) (\(names))\(overriding) VALUES (".utf8)
            for (position, value) in row.enumerated() {
                if position > 0 { output += Array(", ".utf8) }
                Self.literal(value, to: &output)
            }
            output += Array(");\n".utf8)
        case .inserted where layout.wholeRow:
            output += Array("DELETE FROM \(table) WHERE ctid = (SELECT ctid FROM \(table) WHERE ".utf8)
            // Matched on each value's output text, as the diff compared it: a type may
            // have no equality operator (json), and a cast to text may print otherwise (boolean, inet).
            for (position, name) in layout.columns.enumerated() {
                if position > 0 { output += Array(" AND ".utf8) }
                if row[position] == nil {
                    output += Array("pg_catalog.num_nulls(\(name.sqlIdentifier)) = 1".utf8)
                } else {
                    output += Array("pg_catalog.format('%s', \(name.sqlIdentifier)) = ".utf8)
                    Self.literal(row[position], to: &output)
                }
            }
            output += Array(" LIMIT 1);\n".utf8)
        case .inserted:
            output += Array("DELETE FROM \(table) WHERE ".utf8)
            keyCondition(row, to: &output)
            output += Array(";\n".utf8)
        case .changed:
            output += Array("UPDATE \(table) SET ".utf8)
            for (position, field) in detail.changedColumns.enumerated() {
                if position > 0 { output += Array(", ".utf8) }
                output += Array("\(layout.columns[field].sqlIdentifier) = ".utf8)
                Self.literal(row[field], to: &output)
            }
            output += Array(" WHERE ".utf8)
            keyCondition(row, to: &output)
            output += Array(";\n".utf8)
        }
    }

    func footer(_ summary: DiffSummary) -> [UInt8] {
        let total = summary.deleted + summary.inserted + summary.changed
        if total > summary.listed {
            return Array("-- INCOMPLETE: \(total - summary.listed) differences were not listed (--limit); not committing\nROLLBACK;\n".utf8)
        }
        return Array((triggerStatements(summary, "ENABLE") + ["COMMIT;"]).joined(separator: "\n").utf8 + [0x0A])
    }

    private func keyCondition(_ row: [[UInt8]?], to output: inout [UInt8]) {
        for (position, field) in layout.keyFields.enumerated() {
            if position > 0 { output += Array(" AND ".utf8) }
            output += Array(layout.columns[field].sqlIdentifier.utf8)
            if row[field] == nil {
                output += Array(" IS NULL".utf8)
            } else {
                output += Array(" = ".utf8)
                Self.literal(row[field], to: &output)
            }
        }
    }

    /// A standard string literal (the patch sets standard_conforming_strings on),
    /// so only the quote is doubled; the bytes go out as they are, in the dump's encoding.
    static func literal(_ value: [UInt8]?, to output: inout [UInt8]) {
        guard let value else {
            output += Array("NULL".utf8)
            return
        }
        value.withUnsafeBytes { output.appendQuoted($0, quote: UInt8(ascii: "'")) }
    }
}
