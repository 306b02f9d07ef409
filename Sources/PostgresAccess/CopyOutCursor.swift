import CLibPQ

/// The rows of a `COPY ... TO STDOUT`, pulled one at a time, for a reader that
/// must set the pace itself: `diff` advances one side of a merge only as far as
/// the other. Noncopyable and lent to the body of `Connection.withCopyOut` only,
/// so the libpq buffer it hands out cannot outlive the COPY.
public struct CopyOutCursor: ~Copyable {
    private let connection: Connection
    private var buffer: UnsafeMutablePointer<CChar>?
    /// The server sent its last row (and `rows` is then the COPY's row count).
    public private(set) var isFinished = false
    public private(set) var rows = 0

    init(connection: Connection) {
        self.connection = connection
    }

    deinit {
        if let buffer { PQfreemem(buffer) }
    }

    /// The next row, in text format with its line feed, valid until the next call;
    /// nil once the COPY is complete.
    public mutating func next() throws -> UnsafeRawBufferPointer? {
        if let buffer {
            PQfreemem(buffer)
            self.buffer = nil
        }
        guard !isFinished else { return nil }
        let length = PQgetCopyData(connection.handle, &buffer, 0)
        guard length >= 0, let buffer else {
            guard length == -1 else { throw connection.failedCopy() }
            isFinished = true
            rows = try connection.finishCommand().affectedRows ?? 0
            return nil
        }
        return UnsafeRawBufferPointer(start: buffer, count: Int(length))
    }

    /// Leaves the connection ready for the next command, cancelling the COPY on
    /// the server if rows are left.
    consuming func close() {
        if let buffer { PQfreemem(buffer) }
        buffer = nil
        if !isFinished { connection.abandonCopy(PGRES_COPY_OUT) }
    }
}

extension Connection {
    /// Runs a `COPY ... TO STDOUT` whose rows `body` pulls through a cursor. Rows
    /// left unread when `body` returns or throws are cancelled on the server, so
    /// stopping early costs only what is in flight; the connection stays usable.
    public func withCopyOut<Result>(_ sql: String, _ body: (inout CopyOutCursor) throws -> Result) throws -> Result {
        try startCopy(sql, expecting: PGRES_COPY_OUT)
        var cursor = CopyOutCursor(connection: self)
        do {
            let result = try body(&cursor)
            cursor.close()
            return result
        } catch {
            cursor.close()
            throw error
        }
    }
}
