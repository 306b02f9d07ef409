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
    public func execute(bytes sql: some Collection<UInt8>) throws -> QueryResult {
        try checkNoNUL(sql, "SQL text")
        let terminated = Array(sql) + [0]
        let result = terminated.withUnsafeBufferPointer { buffer in
            buffer.withMemoryRebound(to: CChar.self) { PQexec(handle, $0.baseAddress) }
        }
        return try completed(result)
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
