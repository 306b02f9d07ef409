import Testing
@testable import Recovery

/// The backup's rows sorted by the client must come out in the order the merge
/// checks them in, whether they fit in one run or spill into several.
@Suite struct DiffRowSortTests {
    /// Key (integer id, text code); rows shuffled, with NULLs, negative numbers,
    /// numbers of different lengths, escaped text and a byte-order trap ("B" < "a").
    static let rows: [String] = {
        var rows: [String] = []
        for id in [-12, 7, 100, 9, 10, -3, 2_000_000_000, 0] {
            for code in ["a", "B", "a\\tb", "\\N", "ab", "é"] { rows.append("\(id)\t\(code)\tvalue \(id) \(code)") }
        }
        rows.append("\\N\tz\tnull id")
        var generator = SplitMix(seed: 42)
        return rows.shuffled(using: &generator)
    }()

    static func order() -> DiffKeyOrder {
        let key = DiffKey(columns: ["id", "code"], source: .option) { column in
            column == "id" ? ("integer", "integer") : ("text", "text")
        }
        return DiffKeyOrder(key: key, keyFields: [0, 1], encoding: nil)
    }

    static func sorted(runBytes: Int) throws -> [String] {
        let sort = DiffRowSort(order: order(), runBytes: runBytes)
        for row in rows { try Array(row.utf8).withUnsafeBytes { try sort.add($0) } }
        var out: [String] = []
        try sort.forEachSorted { out.append(String(decoding: $0, as: UTF8.self)) }
        return out
    }

    @Test func oneRunAndManyRunsGiveTheMergesOrder() throws {
        let inMemory = try Self.sorted(runBytes: 1 << 30)
        #expect(inMemory.count == Self.rows.count)
        #expect(Set(inMemory) == Set(Self.rows))
        // Each row no greater than the next, by the merge's own comparison.
        let order = Self.order()
        for (a, b) in zip(inMemory, inMemory.dropFirst()) {
            var left: [Range<Int>] = [], right: [Range<Int>] = []
            let result = Array(a.utf8).withUnsafeBytes { x in Array(b.utf8).withUnsafeBytes { y in
                CopyLine(x).fields(into: &left, limit: 2)
                CopyLine(y).fields(into: &right, limit: 2)
                return order.compare(CopyLine(x), left, CopyLine(y), right)
            } }
            #expect(result < 0, "\(a) before \(b)")
        }
        #expect(inMemory.first?.hasPrefix("-12\tB\t") == true && inMemory.last == "\\N\tz\tnull id")
        // Runs of a few rows each, spilled and merged: the same order.
        #expect(try Self.sorted(runBytes: 200) == inMemory)
    }

    /// Rows in key order are seen to be, across spills too, so diff can stream them.
    @Test func rowsInKeyOrderAreRecognised() throws {
        let inOrder = try Self.sorted(runBytes: 1 << 30)
        for runBytes in [1 << 30, 200] {
            let sort = DiffRowSort(order: Self.order(), runBytes: runBytes)
            for row in inOrder { try Array(row.utf8).withUnsafeBytes { try sort.add($0) } }
            #expect(sort.isInKeyOrder && sort.hasSpilled == (runBytes == 200))
            let shuffled = DiffRowSort(order: Self.order(), runBytes: runBytes)
            for row in Self.rows { try Array(row.utf8).withUnsafeBytes { try shuffled.add($0) } }
            #expect(!shuffled.isInKeyOrder)
        }
    }
}

/// A small seeded generator, so the shuffle is the same on every run.
struct SplitMix: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
