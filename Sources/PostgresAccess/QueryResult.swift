import CLibPQ

/// The rows of one statement, read in place from libpq's `PGresult` (freed
/// with the object) and returned in text format, the form pg_dump writes.
public final class QueryResult {
    private let handle: OpaquePointer
    public let rowCount: Int
    public let columnCount: Int

    init(_ handle: OpaquePointer) {
        self.handle = handle
        rowCount = Int(PQntuples(handle))
        columnCount = Int(PQnfields(handle))
    }

    deinit {
        PQclear(handle)
    }

    public func columnName(_ column: Int) -> String {
        precondition(column >= 0 && column < columnCount, "column \(column) out of range 0..<\(columnCount)")
        return String(cString: PQfname(handle, Int32(column)))
    }

    /// The value at `row`, `column`; nil for SQL NULL.
    public subscript(row: Int, column: Int) -> String? {
        precondition(row >= 0 && row < rowCount, "row \(row) out of range 0..<\(rowCount)")
        precondition(column >= 0 && column < columnCount, "column \(column) out of range 0..<\(columnCount)")
        guard PQgetisnull(handle, Int32(row), Int32(column)) == 0 else {
            return nil
        }
        return String(cString: PQgetvalue(handle, Int32(row), Int32(column)))
    }

    /// Every value copied into Swift at once: meant for catalog queries and
    /// other small results, not for table data (use `copyOut` for that).
    public var rows: [[String?]] {
        (0..<rowCount).map { row in (0..<columnCount).map { column in self[row, column] } }
    }

    /// The command tag, e.g. `INSERT 0 3`, `COPY 1000000`, `CREATE TABLE`.
    public var commandTag: String {
        String(cString: PQcmdStatus(handle))
    }

    /// The row count of an INSERT, UPDATE, DELETE, MERGE, SELECT, MOVE, FETCH
    /// or COPY; nil for commands that have none.
    public var affectedRows: Int? {
        Int(String(cString: PQcmdTuples(handle)))
    }

    var status: ExecStatusType {
        PQresultStatus(handle)
    }

    /// The server's error fields; without a SQLSTATE the failure came from
    /// libpq itself (lost connection, protocol violation), not the server.
    var error: PostgresError {
        // The PG_DIAG_* codes are character macros, which Swift does not import.
        func field(_ code: Unicode.Scalar) -> String? {
            PQresultErrorField(handle, Int32(code.value)).map { String(cString: $0) }
        }
        guard let sqlState = field("C") else {
            return PostgresError(.communication, String(cString: PQresultErrorMessage(handle)).asOneLine)
        }
        return PostgresError(
            .server,
            field("M") ?? String(cString: PQresultErrorMessage(handle)).asOneLine,
            sqlState: sqlState,
            severity: field("V") ?? field("S"),
            detail: field("D"),
            hint: field("H")
        )
    }
}

@available(*, unavailable)
extension QueryResult: Sendable {}
