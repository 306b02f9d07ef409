import CLibPQ

extension Connection {
    /// Runs one statement with `$1`, `$2`, ... bound to `parameters` (text
    /// format, nil for NULL), so values never need quoting.
    ///
    /// Without parameters the text may hold several statements, as a schema
    /// section of a dump does; they run in one implicit transaction unless
    /// they manage their own, and the result is the last statement's.
    @discardableResult
    public func execute(_ sql: String, _ parameters: [String?] = []) throws -> QueryResult {
        let sql = try sql.checkedForNUL("SQL text")
        let result: OpaquePointer?
        if parameters.isEmpty {
            result = PQexec(handle, sql)
        } else {
            let values = try parameters.enumerated().map { index, value in
                try value?.checkedForNUL("parameter $\(index + 1)")
            }
            result = withCStrings(values) { values in
                PQexecParams(handle, sql, Int32(values.count), nil, values, nil, nil, 0)
            }
        }
        return try completed(result)
    }

    /// Runs SQL given as bytes, sent exactly as they are, as psql sends a script's
    /// text: for SQL in the session's client encoding, which need not be UTF-8 (a
    /// `String` would carry other encodings' bytes only by altering them). Like
    /// `execute(_:)` without parameters, the bytes may hold several statements.
    @discardableResult
    public func execute(bytes sql: [UInt8]) throws -> QueryResult {
        try completed(try withCString(sql) { PQexec(handle, $0) })
    }

    /// Runs every statement of `sql` in one round trip (one simple-query message)
    /// and hands each statement's result to `body`, in order: a dump's thousands of
    /// INSERTs then cost a round trip per batch rather than one each. After a
    /// failed statement the server skips the rest of the batch; its error is thrown
    /// once the connection is ready for the next command. Outside a transaction
    /// block the batch is one implicit transaction, as with `execute(_:)`.
    public func executeEach(bytes sql: [UInt8], _ body: (QueryResult) throws -> Void) throws {
        guard try withCString(sql, { PQsendQuery(handle, $0) }) == 1 else {
            throw PostgresError(.communication, lastErrorMessage)
        }
        var failure: (any Error)?
        while let next = PQgetResult(handle) {
            guard failure == nil else {
                PQclear(next)
                continue
            }
            // A COPY's result is refused after ending it, which reads the rest of the batch.
            do { try body(try completed(next)) } catch { failure = error }
        }
        if let failure { throw failure }
    }

    /// SQL bytes as the C string libpq reads, refused if a NUL would cut them short.
    private func withCString<T>(_ sql: [UInt8], _ body: (UnsafePointer<CChar>) -> T) throws -> T {
        try checkNoNUL(sql, "SQL text")
        var terminated = sql
        terminated.append(0)
        return terminated.withUnsafeBufferPointer { buffer in
            buffer.withMemoryRebound(to: CChar.self) { body($0.baseAddress!) }
        }
    }

    /// The result of a command that is neither COPY nor failed, owned.
    private func completed(_ result: OpaquePointer?) throws -> QueryResult {
        let completed = try owned(result)
        switch completed.status {
        case PGRES_COMMAND_OK, PGRES_TUPLES_OK, PGRES_EMPTY_QUERY:
            return completed
        case PGRES_COPY_IN, PGRES_COPY_OUT:
            abandonCopy(completed.status)
            throw PostgresError(.unexpectedResult, "COPY FROM STDIN and COPY TO STDOUT need copyIn and copyOut, not execute")
        default:
            throw unexpected(completed)
        }
    }

    /// Takes ownership of a `PGresult`, turning a missing one or an error
    /// result into a thrown `PostgresError`.
    func owned(_ result: OpaquePointer?) throws -> QueryResult {
        guard let result else {
            throw PostgresError(.communication, lastErrorMessage)
        }
        let owned = QueryResult(result)
        if owned.status == PGRES_FATAL_ERROR {
            throw owned.error
        }
        return owned
    }

    func unexpected(_ result: QueryResult) -> PostgresError {
        PostgresError(.unexpectedResult, "unexpected result status \(String(cString: PQresStatus(result.status)))")
    }

    /// Reads results until libpq reports the command complete, as it requires
    /// before the next command; the first error wins, otherwise the last result.
    func finishCommand() throws -> QueryResult {
        var firstError: PostgresError?
        var last: QueryResult?
        while let next = PQgetResult(handle) {
            let result = QueryResult(next)
            if result.status == PGRES_FATAL_ERROR {
                firstError = firstError ?? result.error
            } else {
                last = result
            }
        }
        if let firstError {
            throw firstError
        }
        guard let last else {
            throw PostgresError(.communication, lastErrorMessage)
        }
        return last
    }

    var lastErrorMessage: String {
        let message = String(cString: PQerrorMessage(handle)).asOneLine
        return message.isEmpty ? "connection to the server lost" : message
    }
}
