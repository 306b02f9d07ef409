import DumpParser

/// Counts what the merge finds and hands the first `limit` differences, decoded,
/// to the format's writer; the rest are counted only, so memory stays flat
/// however many rows differ.
final class DiffTally {
    var backupRows = 0
    var productionRows = 0
    private(set) var deleted = 0
    private(set) var inserted = 0
    private(set) var changed = 0
    /// Rows changed per compared column, by position.
    private(set) var changedColumns: [Int]
    private(set) var listed = 0
    private let limit: Int
    private let writer: any DiffDetailWriter
    private let spool: DiffSpool
    /// The COPY text's encoding when it is client-only: a backslash byte inside a
    /// character is not an escape, and reading it as one ran fields together.
    private let encoding: ClientOnlyEncoding?
    private var buffer: [UInt8] = []
    private var backupFields: [Range<Int>] = []
    private var productionFields: [Range<Int>] = []

    init(columns: Int, limit: Int, writer: any DiffDetailWriter, spool: DiffSpool, encoding: ClientOnlyEncoding?) {
        changedColumns = Array(repeating: 0, count: columns)
        self.encoding = encoding
        self.limit = limit
        self.writer = writer
        self.spool = spool
    }

    func onlyInBackup(_ row: CopyLine) throws {
        deleted += 1
        try list(DiffDetail(change: .deleted, backup: CopyText.decodeLine(row.bytes, encoding: encoding), production: nil, changedColumns: []))
    }

    func onlyInProduction(_ row: CopyLine) throws {
        inserted += 1
        try list(DiffDetail(change: .inserted, backup: nil, production: CopyText.decodeLine(row.bytes, encoding: encoding), changedColumns: []))
    }

    /// Same key, different text somewhere: which columns, found field by field.
    func changed(backup: CopyLine, production: CopyLine) throws {
        backup.fields(into: &backupFields)
        production.fields(into: &productionFields)
        var columns: [Int] = []
        for index in changedColumns.indices {
            let left = index < backupFields.count ? backup[backupFields[index]] : UnsafeRawBufferPointer(start: nil, count: 0)
            let right = index < productionFields.count ? production[productionFields[index]] : UnsafeRawBufferPointer(start: nil, count: 0)
            if !CopyLine.same(left, right) {
                columns.append(index)
                changedColumns[index] += 1
            }
        }
        changed += 1
        try list(DiffDetail(change: .changed, backup: CopyText.decodeLine(backup.bytes, encoding: encoding),
                            production: CopyText.decodeLine(production.bytes, encoding: encoding), changedColumns: columns))
    }

    private func list(_ detail: DiffDetail) throws {
        guard listed < limit else { return }
        writer.write(detail, number: listed, to: &buffer)
        listed += 1
        if buffer.count >= 1 << 20 { try flush() }
    }

    func flush() throws {
        try spool.write(buffer)
        buffer.removeAll(keepingCapacity: true)
    }
}
