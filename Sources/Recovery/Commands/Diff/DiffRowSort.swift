import DumpParser

/// The archive's rows of a table dumped in storage order (one updated since it was
/// loaded), put in the key order production is read in, so that diff needs no
/// sidecar for them: `DiffKey`'s order is one the client reproduces (integers as
/// numbers, anything else by the bytes of its text), and `DiffKeyOrder` compares
/// keys for the sort exactly as for the merge. Memory stays bounded whatever the
/// table's size: rows gather into a run of at most `runBytes`, a full run is sorted
/// and spilled to a temporary file, and the runs are merged at the end. COPY lines
/// never hold a raw line feed, so a run file is its lines one after another.
final class DiffRowSort {
    private let order: DiffKeyOrder
    private let runBytes: Int
    private var bytes: [UInt8] = []
    /// Each row's line in `bytes`, and where its key fields start in `keys`: the run
    /// in memory.
    private var run: [(line: Range<Int>, keys: Int)] = []
    /// Rows added in all.
    private(set) var rows = 0
    /// Every row so far came after the one before (a table loaded in key order, or
    /// dumped so): then there is nothing to sort.
    private(set) var isInKeyOrder = true
    /// Some rows went to a file: a table in key order is better read again.
    var hasSpilled: Bool { !runs.isEmpty }
    /// The last row added, as far as its key goes, for the order check across a spill.
    private var previous: [UInt8] = []
    private var previousFields: [Range<Int>] = []
    private var keys: [Range<Int>] = []
    private var fields: [Range<Int>] = []
    private var runs: [DiffSpool] = []
    /// Bytes a row costs beyond its text: its entry in `rows` and its key ranges.
    private let overhead: Int

    init(order: DiffKeyOrder, runBytes: Int = 192 << 20) {
        self.order = order
        self.runBytes = runBytes
        overhead = MemoryLayout<(Range<Int>, Int)>.stride + order.keyFields.count * MemoryLayout<Range<Int>>.stride
    }

    func add(_ row: UnsafeRawBufferPointer) throws {
        let line = CopyLine(row)
        line.fields(into: &fields, limit: order.splitLimit)
        guard fields.count >= order.splitLimit else {
            throw DiffError("a row of the backup has \(fields.count) fields, fewer than its key needs")
        }
        if isInKeyOrder && rows > 0 {
            isInKeyOrder = previous.withUnsafeBytes { order.compare(CopyLine($0), previousFields, line, fields) < 0 }
        }
        if isInKeyOrder {
            previous.removeAll(keepingCapacity: true)
            previous.append(bytes: line[0..<(fields.last?.upperBound ?? 0)])
            previousFields.removeAll(keepingCapacity: true)
            previousFields.append(contentsOf: fields)
        }
        let start = bytes.count
        bytes.append(bytes: line.bytes)
        run.append((start..<bytes.count, keys.count))
        rows += 1
        for field in order.keyFields { keys.append((fields[field].lowerBound + start)..<(fields[field].upperBound + start)) }
        if bytes.count + run.count * overhead >= runBytes { try spill() }
    }

    /// Every row added, in key order.
    func forEachSorted(_ body: (UnsafeRawBufferPointer) throws -> Void) throws {
        if runs.isEmpty {
            let sorted = sortedRows()
            try bytes.withUnsafeBytes { buffer in
                for row in sorted { try body(UnsafeRawBufferPointer(rebasing: buffer[row.line])) }
            }
            return
        }
        if !run.isEmpty { try spill() }
        bytes = []
        keys = []
        let readers = runs.map(RunReader.init)
        var heads = try readers.map { try $0.next() }
        var headFields = heads.map { _ in [Range<Int>]() }
        for index in heads.indices { if let head = heads[index] { head.withUnsafeBytes { CopyLine($0).fields(into: &headFields[index], limit: order.splitLimit) } } }
        while true {
            // A few runs at most (a run is 192 MiB): the smallest head by a linear look.
            var smallest: Int?
            for index in heads.indices where heads[index] != nil {
                guard let best = smallest else { smallest = index; continue }
                let less = heads[index]!.withUnsafeBytes { a in heads[best]!.withUnsafeBytes { b in
                    order.compare(CopyLine(a), headFields[index], CopyLine(b), headFields[best]) < 0
                } }
                if less { smallest = index }
            }
            guard let next = smallest else { return }
            try heads[next]!.withUnsafeBytes { try body(UnsafeRawBufferPointer($0)) }
            heads[next] = try readers[next].next()
            if let head = heads[next] { head.withUnsafeBytes { CopyLine($0).fields(into: &headFields[next], limit: order.splitLimit) } }
        }
    }

    private func sortedRows() -> [(line: Range<Int>, keys: Int)] {
        guard !isInKeyOrder else { return run }
        let count = order.keyFields.count
        return bytes.withUnsafeBytes { buffer in
            run.sorted { a, b in
                for position in 0..<count {
                    let result = CopyLine.compare(UnsafeRawBufferPointer(rebasing: buffer[keys[a.keys + position]]),
                                                  UnsafeRawBufferPointer(rebasing: buffer[keys[b.keys + position]]),
                                                  as: order.orders[position], encoding: order.encoding)
                    if result != 0 { return result < 0 }
                }
                return false
            }
        }
    }

    /// The current run, sorted, into a file of its own.
    private func spill() throws {
        let file = try DiffSpool()
        var out: [UInt8] = []
        out.reserveCapacity(1 << 20)
        let sorted = sortedRows()
        try bytes.withUnsafeBytes { buffer in
            for row in sorted {
                out.append(bytes: UnsafeRawBufferPointer(rebasing: buffer[row.line]))
                out.append(0x0A)
                if out.count >= 1 << 20 {
                    try file.write(out)
                    out.removeAll(keepingCapacity: true)
                }
            }
        }
        try file.write(out)
        runs.append(file)
        bytes.removeAll(keepingCapacity: true)
        run.removeAll(keepingCapacity: true)
        keys.removeAll(keepingCapacity: true)
    }

    /// One run's lines, read back a mebibyte at a time.
    private final class RunReader {
        private let run: DiffSpool
        private var offset: UInt64 = 0
        private var buffer: [UInt8] = []
        private var start = 0

        init(_ run: DiffSpool) { self.run = run }

        /// The next line, without its line feed; nil at the end.
        func next() throws -> [UInt8]? {
            while true {
                if let end = buffer[start...].firstIndex(of: 0x0A) {
                    defer { start = end + 1 }
                    return Array(buffer[start..<end])
                }
                buffer.removeFirst(start)
                start = 0
                var chunk = [UInt8](repeating: 0, count: 1 << 20)
                let count = try chunk.withUnsafeMutableBytes { try run.read(at: offset, into: $0) }
                guard count > 0 else { return nil }
                offset += UInt64(count)
                buffer.append(contentsOf: chunk[..<count])
            }
        }
    }
}
