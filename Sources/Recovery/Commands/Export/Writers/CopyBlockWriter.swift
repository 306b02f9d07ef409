/// The dump's own COPY blocks: its `COPY ... FROM stdin;` line, the data lines as
/// they are, and `\.`. With `--columns` the COPY line names the chosen columns and
/// each line keeps only their fields, still in COPY text: nothing is decoded.
final class CopyBlockWriter: ExportRowWriter {
    /// Whether the current block's lines go out whole.
    private var wholeLines = true

    func startBlock(_ statement: ExportCopyStatement, columns: [String], sectionColumns: [String], to output: inout [UInt8]) {
        wholeLines = columns == sectionColumns
        if wholeLines {
            output += statement.line
        } else {
            let list = columns.isEmpty ? "" : " (\(columns.map(statement.spelling).joined(separator: ", ")))"
            output += Array("COPY \(statement.target)\(list) FROM stdin;".utf8)
        }
        output.append(UInt8(ascii: "\n"))
    }

    func write(_ row: ExportRow, fields: [Int], to output: inout [UInt8]) {
        if wholeLines {
            output.append(bytes: row.line)
        } else {
            for (position, field) in fields.enumerated() {
                if position > 0 { output.append(UInt8(ascii: "\t")) }
                output.append(bytes: row.rawText(field))
            }
        }
        output.append(UInt8(ascii: "\n"))
    }

    func endBlock(to output: inout [UInt8]) {
        output += [UInt8(ascii: "\\"), UInt8(ascii: "."), UInt8(ascii: "\n")]
    }
}
