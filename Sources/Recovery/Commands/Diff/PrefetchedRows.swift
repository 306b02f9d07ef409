import Support
import PostgresAccess

/// Production's side of a diff: the rows of a `COPY ... TO STDOUT`, read by a
/// thread of their own into a few chunks of buffer, so the server keeps
/// streaming while the merge decompresses the archive and compares. Pulled one
/// row at a time by the merge; the connection is the thread's until `close()`.
final class PrefetchedRows: @unchecked Sendable {
    /// The producer stops when the merge no longer wants rows.
    private struct Stopped: Error {}

    private static let chunkSize = 1 << 18
    private static let chunksAhead = 16

    private let condition = Condition()
    // Shared, under `condition`.
    private var chunks: [UnsafeMutableRawBufferPointer] = []
    private var finished = false
    private var stopped = false
    private var failure: (any Error)?
    // The consumer's own.
    private var current: UnsafeMutableRawBufferPointer?
    private var position = 0

    /// Starts reading `query` on `connection`, which nothing else may use until `close()`.
    init(_ query: String, on connection: Connection) {
        nonisolated(unsafe) let connection = connection
        startThread(stackSize: 1 << 20) { [self] in produce(query, on: connection) }
    }

    deinit {
        if let current { current.deallocate() }
        for chunk in chunks { chunk.deallocate() }
    }

    /// The next row without its line feed, valid until the next call; nil after the last.
    func next() throws -> UnsafeRawBufferPointer? {
        if let current, position < current.count {
            return take(from: current)
        }
        if let current { current.deallocate() }
        current = nil
        condition.lock()
        while chunks.isEmpty && !finished { condition.wait() }
        guard !chunks.isEmpty else {
            let failure = failure
            condition.unlock()
            if let failure { throw failure }
            return nil
        }
        let chunk = chunks.removeFirst()
        condition.broadcast()
        condition.unlock()
        current = chunk
        position = 0
        return take(from: chunk)
    }

    /// Stops the reading thread (cancelling the COPY on the server if rows are
    /// left) and waits for it, so the connection is the caller's again.
    func close() {
        condition.lock()
        stopped = true
        condition.broadcast()
        while !finished { condition.wait() }
        condition.unlock()
    }

    private func take(from chunk: UnsafeMutableRawBufferPointer) -> UnsafeRawBufferPointer {
        let bytes = UnsafeRawBufferPointer(chunk)
        let end = bytes.index(of: 0x0A, from: position) ?? bytes.count
        let row = UnsafeRawBufferPointer(rebasing: bytes[position..<end])
        position = end + 1
        return row
    }

    private func produce(_ query: String, on connection: Connection) {
        var chunk = UnsafeMutableRawBufferPointer.allocate(byteCount: Self.chunkSize, alignment: 1)
        var used = 0
        do {
            try connection.copyOut(query) { row in
                if used + row.count > chunk.count {
                    try hand(&chunk, used: used, next: max(Self.chunkSize, row.count))
                    used = 0
                }
                UnsafeMutableRawBufferPointer(rebasing: chunk[used..<(used + row.count)]).copyMemory(from: row)
                used += row.count
            }
            if used > 0 { try hand(&chunk, used: used, next: 0) }
        } catch is Stopped {
        } catch {
            condition.lock()
            failure = error
            condition.unlock()
        }
        chunk.deallocate()
        condition.lock()
        finished = true
        condition.broadcast()
        condition.unlock()
    }

    /// Queues the filled part of `chunk` as it is, waiting while enough is queued,
    /// and gives the producer a new one of at least `next` bytes.
    private func hand(_ chunk: inout UnsafeMutableRawBufferPointer, used: Int, next: Int) throws {
        guard used > 0 else {
            // A row longer than a chunk arrived first: only a larger chunk is needed.
            chunk.deallocate()
            chunk = UnsafeMutableRawBufferPointer.allocate(byteCount: max(next, Self.chunkSize), alignment: 1)
            return
        }
        let filled = UnsafeMutableRawBufferPointer(rebasing: chunk[..<used])
        condition.lock()
        defer { condition.unlock() }
        while chunks.count >= Self.chunksAhead && !stopped { condition.wait() }
        guard !stopped else { throw Stopped() }
        chunks.append(filled)
        condition.broadcast()
        chunk = UnsafeMutableRawBufferPointer.allocate(byteCount: max(next, Self.chunkSize), alignment: 1)
    }
}
