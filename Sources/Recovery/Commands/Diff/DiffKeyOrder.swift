import DumpParser

/// How two rows' keys compare in the order production's rows are read in: the one
/// comparison the merge checks both sides' order with and the backup's rows are
/// sorted by, so that a sorted backup is in the order the merge expects.
struct DiffKeyOrder {
    /// The key columns' positions in the rows both sides send.
    let keyFields: [Int]
    let orders: [DiffKey.Order]
    /// The COPY text's encoding when it is client-only: a backslash byte inside a
    /// character is not an escape.
    let encoding: ClientOnlyEncoding?
    /// The fields a row is split into: as far as the last key column.
    let splitLimit: Int

    init(key: DiffKey, keyFields: [Int], encoding: ClientOnlyEncoding?) {
        self.keyFields = keyFields
        orders = key.orders
        self.encoding = encoding
        splitLimit = key.isWholeRow ? .max : (keyFields.max() ?? 0) + 1
    }

    func compare(_ left: CopyLine, _ leftRanges: [Range<Int>], _ right: CopyLine, _ rightRanges: [Range<Int>]) -> Int {
        for (field, order) in zip(keyFields, orders) {
            guard field < leftRanges.count, field < rightRanges.count else { return leftRanges.count - rightRanges.count }
            let result = CopyLine.compare(left[leftRanges[field]], right[rightRanges[field]], as: order, encoding: encoding)
            if result != 0 { return result }
        }
        return 0
    }
}
