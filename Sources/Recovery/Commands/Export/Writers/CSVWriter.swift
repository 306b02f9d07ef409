import Glibc
import DumpParser

/// Rows as `COPY ... TO STDOUT (FORMAT csv, HEADER)` writes them, byte for byte
/// (PostgreSQL's `CopyAttributeOutCSV`): a value is double-quoted when it holds a
/// comma, a double quote, CR or LF, when it is the empty string (an unquoted
/// empty field is NULL), and, in a one-column table, when it is `\.`, which a
/// reader could take for the end of COPY data. Quotes inside are doubled. In a
/// client-only encoding (SJIS, BIG5, GBK, UHC, GB18030, JOHAB) the server steps
/// over each multibyte character by its length instead of testing the bytes after
/// its first, and so does this writer.
final class CSVWriter: ExportRowWriter {
    private var singleColumn = false
    /// The dump's client_encoding, the encoding of every value, when it is client-only.
    private let encoding: ClientOnlyEncoding?

    init(encoding: ClientOnlyEncoding?) {
        self.encoding = encoding
    }

    func start(columns: [String], to output: inout [UInt8]) {
        singleColumn = columns.count == 1
        for (position, column) in columns.enumerated() {
            if position > 0 { output.append(Self.comma) }
            var name = column
            name.withUTF8 { Self.append(UnsafeRawBufferPointer($0), singleColumn: singleColumn, encoding: encoding, to: &output) }
        }
        output.append(Self.newline)
    }

    func write(_ row: ExportRow, fields: [Int], to output: inout [UInt8]) {
        // Most lines need no look at each value: without a backslash, a comma or a
        // quote, no value holds anything to quote, and only empty strings get quotes.
        if row.isPlain, let base = row.line.baseAddress,
           memchr(base, Int32(Self.comma), row.line.count) == nil, memchr(base, Int32(Self.quote), row.line.count) == nil {
            for (position, field) in fields.enumerated() {
                if position > 0 { output.append(Self.comma) }
                let value = row.rawText(field)
                if value.isEmpty { output += [Self.quote, Self.quote] } else { output.append(bytes: value) }
            }
            output.append(Self.newline)
            return
        }
        let singleColumn = singleColumn, encoding = encoding
        for (position, field) in fields.enumerated() {
            if position > 0 { output.append(Self.comma) }
            row.withValue(field) { value in
                if let value { Self.append(value, singleColumn: singleColumn, encoding: encoding, to: &output) }
            }
        }
        output.append(Self.newline)
    }

    private static func append(_ value: UnsafeRawBufferPointer, singleColumn: Bool, encoding: ClientOnlyEncoding?,
                               to output: inout [UInt8]) {
        var quoted = value.isEmpty || (singleColumn && value.count == 2 && value[0] == backslash && value[1] == period)
        var index = 0
        while !quoted && index < value.count {
            let byte = value[index]
            quoted = byte == comma || byte == quote || byte == newline || byte == carriageReturn
            index = encoding?.end(ofCharacterAt: index, in: value) ?? index + 1
        }
        guard quoted else {
            output.append(bytes: value)
            return
        }
        output.appendQuoted(value, quote: quote, encoding: encoding)
    }

    private static let comma = UInt8(ascii: ",")
    private static let quote = UInt8(ascii: "\"")
    private static let newline = UInt8(ascii: "\n")
    private static let carriageReturn = UInt8(ascii: "\r")
    private static let backslash = UInt8(ascii: "\\")
    private static let period = UInt8(ascii: ".")
}
