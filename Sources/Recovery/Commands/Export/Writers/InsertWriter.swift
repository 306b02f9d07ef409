import DumpParser
import Support

/// One `INSERT INTO table (columns) VALUES (...);` per row, loadable with psql into
/// a table of the same definition. Identifiers are spelled as pg_dump quoted them
/// on the COPY line. Integers and numerics are written bare, booleans as true and
/// false, everything else (floats too: a bare `-0` would lose its sign) as a
/// standard string literal with quotes doubled; the `SET` lines at the top make
/// the session read those literals and bytes as the dump wrote them. A table
/// with an always-generated identity gets `OVERRIDING SYSTEM VALUE`, as in pg_dump's
/// own `--inserts` output, so its rows keep their ids.
final class InsertWriter: ExportRowWriter {
    private let kinds: [ColumnKind]
    private let clientEncoding: String?
    /// `clientEncoding` when it is client-only, where psql reads a literal character by character.
    private let encoding: ClientOnlyEncoding?
    private let overridingSystemValue: Bool
    /// `INSERT INTO t (a, b) VALUES (` for the current block.
    private var prefix: [UInt8] = []

    init(kinds: [ColumnKind], clientEncoding: String?, overridingSystemValue: Bool) {
        self.kinds = kinds
        self.clientEncoding = clientEncoding
        encoding = clientEncoding.flatMap(ClientOnlyEncoding.init(name:))
        self.overridingSystemValue = overridingSystemValue
    }

    func start(columns: [String], to output: inout [UInt8]) {
        if let clientEncoding { output += Array("SET client_encoding = \(clientEncoding.sqlLiteral);\n".utf8) }
        output += Array("SET standard_conforming_strings = on;\n".utf8)
    }

    func startBlock(_ statement: ExportCopyStatement, columns: [String], sectionColumns: [String], to output: inout [UInt8]) {
        let overriding = overridingSystemValue ? "OVERRIDING SYSTEM VALUE " : ""
        prefix = columns.isEmpty
            ? Array("INSERT INTO \(statement.target) DEFAULT VALUES;\n".utf8)
            : Array("INSERT INTO \(statement.target) (\(columns.map(statement.spelling).joined(separator: ", "))) \(overriding)VALUES (".utf8)
    }

    func write(_ row: ExportRow, fields: [Int], to output: inout [UInt8]) {
        output += prefix
        guard !fields.isEmpty else { return }
        for (position, field) in fields.enumerated() {
            if position > 0 { output += [UInt8(ascii: ","), UInt8(ascii: " ")] }
            row.withValue(field) { value in
                guard let value else {
                    output += [UInt8(ascii: "N"), UInt8(ascii: "U"), UInt8(ascii: "L"), UInt8(ascii: "L")]
                    return
                }
                Self.appendLiteral(value, kind: kinds[position], encoding: encoding, to: &output)
            }
        }
        output += [UInt8(ascii: ")"), UInt8(ascii: ";"), UInt8(ascii: "\n")]
    }

    private static func appendLiteral(_ value: UnsafeRawBufferPointer, kind: ColumnKind, encoding: ClientOnlyEncoding?,
                                      to output: inout [UInt8]) {
        if kind.dimensions == 0 && (kind.scalar == .integer || kind.scalar == .numeric) && JSONText.isNumber(value) {
            output.append(bytes: value)
            return
        }
        if kind.dimensions == 0 && kind.scalar == .boolean && value.count == 1
            && (value[0] == UInt8(ascii: "t") || value[0] == UInt8(ascii: "f")) {
            output += Array((value[0] == UInt8(ascii: "t") ? "true" : "false").utf8)
            return
        }
        let quote = UInt8(ascii: "'")
        output.appendQuoted(value, quote: quote, encoding: encoding)
    }
}
