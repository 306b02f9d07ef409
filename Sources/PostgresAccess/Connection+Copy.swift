import CLibPQ

extension Connection {
    /// Streams a `COPY ... TO STDOUT` through `body` one libpq buffer at a
    /// time (a row, in text format), so memory stays flat whatever the table
    /// size. The buffer is only valid during the call. Returns the row count
    /// from the `COPY n` command tag.
    ///
    /// If `body` throws, the running COPY is cancelled on the server and the
    /// rest of the stream discarded; the connection stays usable (an open
    /// transaction block is left aborted) and `body`'s error is rethrown.
    ///
    /// The text goes through the extended protocol, which the server parses as
    /// exactly one statement: a query built around user-typed SQL (`export
    /// --where`) cannot carry a second statement after the COPY.
    @discardableResult
    public func copyOut(_ sql: String, _ body: (UnsafeRawBufferPointer) throws -> Void) throws -> Int {
        try startCopy(sql, expecting: PGRES_COPY_OUT)
        var buffer: UnsafeMutablePointer<CChar>?
        while true {
            let length = PQgetCopyData(handle, &buffer, 0)
            guard length >= 0, let chunk = buffer else {
                if length == -1 {
                    break
                }
                throw failedCopy()
            }
            do {
                try body(UnsafeRawBufferPointer(start: chunk, count: Int(length)))
                PQfreemem(chunk)
            } catch {
                PQfreemem(chunk)
                abandonCopy(PGRES_COPY_OUT)
                throw error
            }
        }
        return try finishCommand().affectedRows ?? 0
    }

    /// Runs a `COPY ... FROM STDIN`, with `body` writing the data through a
    /// `CopyWriter` it cannot keep. Returns the row count from the `COPY n`
    /// command tag.
    ///
    /// If `body` throws, the COPY is ended with an error message, so the
    /// server rolls back every row it received, and `body`'s error is
    /// rethrown; the connection stays usable.
    @discardableResult
    public func copyIn(_ sql: String, _ body: (borrowing CopyWriter) throws -> Void) throws -> Int {
        try startCopy(sql, expecting: PGRES_COPY_IN)
        do {
            try body(CopyWriter(connection: self))
        } catch {
            abandonCopy(PGRES_COPY_IN)
            throw error
        }
        guard PQputCopyEnd(handle, nil) == 1 else {
            throw failedCopy()
        }
        return try finishCommand().affectedRows ?? 0
    }

    func startCopy(_ sql: String, expecting expected: ExecStatusType) throws {
        let sql = try sql.checkedForNUL("SQL text")
        let started = try owned(expected == PGRES_COPY_OUT
            ? PQexecParams(handle, sql, 0, nil, nil, nil, nil, 0)
            : PQexec(handle, sql))
        let status = started.status
        guard status != expected else {
            return
        }
        if status == PGRES_COPY_IN || status == PGRES_COPY_OUT {
            abandonCopy(status)
            let wanted = expected == PGRES_COPY_OUT ? "COPY ... TO STDOUT" : "COPY ... FROM STDIN"
            throw PostgresError(.unexpectedResult, "expected \(wanted), but the statement copies the other way")
        }
        throw unexpected(started)
    }

    /// Brings the connection out of COPY state, discarding the outcome. A
    /// COPY OUT is cancelled rather than read to the end, so giving up on a
    /// large table costs only what is already in flight.
    func abandonCopy(_ status: ExecStatusType) {
        if status == PGRES_COPY_IN {
            PQputCopyEnd(handle, "COPY abandoned by the client")
        } else {
            cancelRunningCommand()
            var buffer: UnsafeMutablePointer<CChar>?
            while PQgetCopyData(handle, &buffer, 0) >= 0 {
                PQfreemem(buffer)
                buffer = nil
            }
        }
        _ = try? finishCommand()
    }

    /// A cancel request that arrives after the command finished is ignored
    /// by the server, so there is no race with the next command.
    private func cancelRunningCommand() {
        guard let cancel = PQgetCancel(handle) else {
            return
        }
        var errorBuffer = [CChar](repeating: 0, count: 256)
        PQcancel(cancel, &errorBuffer, Int32(errorBuffer.count))
        PQfreeCancel(cancel)
    }

    /// The failure of a COPY stream: the server's own error when it sent one
    /// (it ends the stream), otherwise libpq's account of the broken connection.
    func failedCopy() -> PostgresError {
        let message = lastErrorMessage
        do {
            _ = try finishCommand()
        } catch let error as PostgresError where error.sqlState != nil {
            return error
        } catch {}
        return PostgresError(.copyFailed, "COPY failed: \(message)")
    }
}
