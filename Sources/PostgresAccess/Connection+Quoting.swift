import CLibPQ

extension Connection {
    /// Quotes a name for SQL text, e.g. a table restored under a new name.
    /// libpq does the escaping because it knows the connection's encoding.
    public func quoteIdentifier(_ identifier: String) throws -> String {
        try escape(identifier) { PQescapeIdentifier(handle, $0, $1) }
    }

    /// Quotes a value for SQL text where `$n` parameters cannot go (DDL,
    /// `COPY` options); the result may start with ` E'` when backslashes occur.
    public func quoteLiteral(_ literal: String) throws -> String {
        try escape(literal) { PQescapeLiteral(handle, $0, $1) }
    }

    private func escape(
        _ text: String,
        _ function: (UnsafePointer<CChar>, Int) -> UnsafeMutablePointer<CChar>?
    ) throws -> String {
        let text = try text.checkedForNUL("quoted text")
        let escaped = text.withCString { function($0, text.utf8.count) }
        guard let escaped else {
            throw PostgresError(.invalidArgument, "cannot quote text: \(lastErrorMessage)")
        }
        defer { PQfreemem(escaped) }
        return String(cString: escaped)
    }
}
