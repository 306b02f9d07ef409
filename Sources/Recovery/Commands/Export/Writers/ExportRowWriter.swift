import DumpParser

/// One output format. A table's rows arrive COPY block by COPY block: one block for
/// a table, one per partition for a partitioned table. Writers append to the
/// caller's buffer, which is passed `inout` so that a row costs one access to it,
/// not one per value.
protocol ExportRowWriter: AnyObject {
    /// Once, before any block: `columns` are the output columns, in order.
    func start(columns: [String], to output: inout [UInt8])
    /// At each COPY line; `sectionColumns` are the columns that block's lines hold.
    func startBlock(_ statement: ExportCopyStatement, columns: [String], sectionColumns: [String], to output: inout [UInt8])
    /// `fields` gives, for each output column, its field in the row.
    func write(_ row: ExportRow, fields: [Int], to output: inout [UInt8])
    /// At the block's `\.`, or where `--key` stopped reading early.
    func endBlock(to output: inout [UInt8])
}

extension ExportRowWriter {
    func start(columns: [String], to output: inout [UInt8]) {}
    func startBlock(_ statement: ExportCopyStatement, columns: [String], sectionColumns: [String], to output: inout [UInt8]) {}
    func endBlock(to output: inout [UInt8]) {}
}

extension Array where Element == UInt8 {
    /// Appends raw bytes as one copy (the generic `append(contentsOf:)` goes byte by byte).
    mutating func append(bytes: UnsafeRawBufferPointer) {
        append(contentsOf: bytes.assumingMemoryBound(to: UInt8.self))
    }

    /// Appends `value` between `quote`s, doubling each `quote` inside: how both CSV
    /// fields and SQL literals escape their quote character. In a client-only
    /// `encoding` a byte inside a multibyte character is never taken for `quote`,
    /// as neither the server writing CSV nor psql reading SQL takes it for one.
    mutating func appendQuoted(_ value: UnsafeRawBufferPointer, quote: UInt8, encoding: ClientOnlyEncoding? = nil) {
        append(quote)
        var start = 0
        var index = 0
        while index < value.count {
            if value[index] == quote {
                append(bytes: UnsafeRawBufferPointer(rebasing: value[start...index]))
                append(quote)
                start = index + 1
            }
            index = encoding?.end(ofCharacterAt: index, in: value) ?? index + 1
        }
        append(bytes: UnsafeRawBufferPointer(rebasing: value[start...]))
        append(quote)
    }
}
