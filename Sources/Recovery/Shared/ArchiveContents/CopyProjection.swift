import ScalpelArchive

/// Picks and reorders the fields of a COPY line: an archive section's lines hold
/// the backup's columns in its order (a partition's may differ from its parent's),
/// a diff wants the compared ones in one order for both sides.
struct CopyProjection {
    /// For each wanted column, its field in the section's lines; nil when they are the same.
    private let fields: [Int]?
    private var ranges: [Range<Int>] = []

    init(from available: [String], to wanted: [String], label: String) throws {
        if available == wanted {
            fields = nil
            return
        }
        fields = try wanted.map { column in
            guard let field = available.firstIndex(of: column) else {
                throw DiffError("\(label) has no column \(column)")
            }
            return field
        }
    }

    /// Hands `body` the projected line, built in `buffer` when it must be.
    mutating func apply(_ line: UnsafeRawBufferPointer, into buffer: inout [UInt8],
                        _ body: (UnsafeRawBufferPointer) throws -> Void) throws {
        guard let fields else { return try body(line) }
        let row = CopyLine(line)
        row.fields(into: &ranges)
        buffer.removeAll(keepingCapacity: true)
        for (position, field) in fields.enumerated() {
            if position > 0 { buffer.append(0x09) }
            guard field < ranges.count else { throw DiffError("a data line has fewer fields than its COPY names columns") }
            buffer.append(bytes: row[ranges[field]])
        }
        try buffer.withUnsafeBytes(body)
    }
}

extension ArchiveReader {
    /// Every data line of `sections` (a table's, or its partitions'), without its line
    /// feed, its fields picked and ordered as `columns`: what `diff` merges and `apply`
    /// loads, streamed member by member.
    func forEachRow(in sections: [Section], as columns: [String], _ body: (UnsafeRawBufferPointer) throws -> Void) throws {
        var projected: [UInt8] = []
        for section in sections {
            var lines = SectionCopyLines(label: section.label)
            var projection = try CopyProjection(from: section.columns ?? [], to: columns, label: section.label)
            try read(section) { chunk in
                try chunk.withUnsafeBytes { bytes in
                    try lines.consume(bytes, statement: { _ in }, row: { line in
                        try projection.apply(line, into: &projected, body)
                    })
                }
            }
            try lines.finish()
        }
    }
}
