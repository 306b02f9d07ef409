import DumpParser

/// One pass over two row streams sorted by the same key: the backup's rows are
/// pushed in (from the archive or a sidecar), production's pulled from its COPY
/// as far as each backup row needs. Memory holds one row of each side.
///
/// The per-row state is `@exclusivity(unchecked)`: only this class's own methods
/// touch it, never overlapping, and the runtime checks cost a quarter of the
/// merge's time on a table of millions of rows.
final class DiffMerge {
    /// The backup's rows did not arrive in key order (the archive holds them in
    /// the order the table stored them): the backup side must be sorted first.
    struct BackupNotInKeyOrder: Error {
        /// Two rows had the same key, which no sort can fix.
        var duplicate: Bool
    }

    private let order: DiffKeyOrder
    private let wholeRow: Bool
    private let tally: DiffTally
    @exclusivity(unchecked) private var pending: CopyLine?
    private let splitLimit: Int
    /// The previous row of each side, as far as its key goes, with its fields (none
    /// before the first row): each side must arrive in strictly increasing key order.
    @exclusivity(unchecked) private var previousBackup: [UInt8] = []
    @exclusivity(unchecked) private var previousProduction: [UInt8] = []
    @exclusivity(unchecked) private var previousBackupFields: [Range<Int>] = []
    @exclusivity(unchecked) private var previousProductionFields: [Range<Int>] = []
    @exclusivity(unchecked) private var backupFields: [Range<Int>] = []
    @exclusivity(unchecked) private var productionFields: [Range<Int>] = []

    init(key: DiffKey, order: DiffKeyOrder, tally: DiffTally) {
        self.order = order
        wholeRow = key.isWholeRow
        splitLimit = order.splitLimit
        self.tally = tally
    }

    func backup(_ row: UnsafeRawBufferPointer, production: PrefetchedRows) throws {
        let line = CopyLine(row)
        line.fields(into: &backupFields, limit: splitLimit)
        if !previousBackupFields.isEmpty {
            let order = previousBackup.withUnsafeBytes { compareKeys(CopyLine($0), previousBackupFields, line, backupFields) }
            if order > 0 || (order == 0 && !wholeRow) { throw BackupNotInKeyOrder(duplicate: order == 0) }
        }
        remember(line, backupFields, in: &previousBackup, &previousBackupFields)
        tally.backupRows += 1
        while true {
            guard let current = try currentProduction(production) else {
                try tally.onlyInBackup(line)
                return
            }
            let order = compareKeys(line, backupFields, current, productionFields)
            if order < 0 {
                try tally.onlyInBackup(line)
                return
            }
            pending = nil
            if order > 0 {
                try tally.onlyInProduction(current)
                continue
            }
            if !CopyLine.same(line.bytes, current.bytes) {
                try tally.changed(backup: line, production: current)
            }
            return
        }
    }

    /// Production's rows past the backup's last are all new.
    func finish(production: PrefetchedRows) throws {
        while let current = try currentProduction(production) {
            pending = nil
            try tally.onlyInProduction(current)
        }
    }

    /// The production row waiting to be matched, pulling the next when there is none.
    private func currentProduction(_ cursor: PrefetchedRows) throws -> CopyLine? {
        if let pending { return pending }
        guard let row = try cursor.next() else { return nil }
        let line = CopyLine(row)
        line.fields(into: &productionFields, limit: splitLimit)
        if !previousProductionFields.isEmpty {
            let order = previousProduction.withUnsafeBytes {
                compareKeys(CopyLine($0), previousProductionFields, line, productionFields)
            }
            guard order < 0 || (order == 0 && wholeRow) else {
                throw DiffError(order == 0
                    ? "the key is not unique in production: two rows share one; name a unique key with --key"
                    : "production's rows arrived out of key order")
            }
        }
        remember(line, productionFields, in: &previousProduction, &previousProductionFields)
        tally.productionRows += 1
        pending = line
        return line
    }

    /// Keeps the row as far as its last split field reaches; the ranges stay valid.
    private func remember(_ line: CopyLine, _ fields: [Range<Int>], in buffer: inout [UInt8], _ kept: inout [Range<Int>]) {
        buffer.removeAll(keepingCapacity: true)
        buffer.append(bytes: line[0..<(fields.last?.upperBound ?? 0)])
        kept.removeAll(keepingCapacity: true)
        kept.append(contentsOf: fields)
    }

    private func compareKeys(_ left: CopyLine, _ leftRanges: [Range<Int>], _ right: CopyLine, _ rightRanges: [Range<Int>]) -> Int {
        order.compare(left, leftRanges, right, rightRanges)
    }
}
