import DumpParser

/// One JSON object per row and line, keys the column names in column order,
/// values typed by the column's declared type (`JSONValue`), NULL as null.
/// Values are UTF-8, as JSON must be, whatever the dump's encoding.
final class JSONLinesWriter: ExportRowWriter {
    private let kinds: [ColumnKind]
    private let bytea: ExportFormat.Bytea
    private let transcoder: UTF8Transcoder?
    /// `{"name":` for the first column, `,"name":` for the others, made once.
    private let keys: [[UInt8]]

    init(columns: [String], kinds: [ColumnKind], bytea: ExportFormat.Bytea, transcoder: UTF8Transcoder?) {
        self.kinds = kinds
        self.bytea = bytea
        self.transcoder = transcoder
        keys = columns.enumerated().map { position, column in
            var key: [UInt8] = [position == 0 ? UInt8(ascii: "{") : UInt8(ascii: ",")]
            JSONText.appendString(column, to: &key)
            key.append(UInt8(ascii: ":"))
            return key
        }
    }

    func write(_ row: ExportRow, fields: [Int], to output: inout [UInt8]) {
        if fields.isEmpty { output.append(UInt8(ascii: "{")) }
        for (position, field) in fields.enumerated() {
            output += keys[position]
            row.withValue(field) { value in
                if let value, let transcoder {
                    transcoder.convert(value).withUnsafeBytes {
                        JSONValue.append($0, kind: kinds[position], bytea: bytea, to: &output)
                    }
                } else if let value {
                    JSONValue.append(value, kind: kinds[position], bytea: bytea, to: &output)
                } else {
                    output += [UInt8(ascii: "n"), UInt8(ascii: "u"), UInt8(ascii: "l"), UInt8(ascii: "l")]
                }
            }
        }
        output += [UInt8(ascii: "}"), UInt8(ascii: "\n")]
    }
}
