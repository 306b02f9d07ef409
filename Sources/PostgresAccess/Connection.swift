import CLibPQ
import FoundationEssentials

/// One libpq session, owning its `PGconn` for its whole life.
///
/// Not `Sendable`: libpq allows a connection to be used from one thread at a
/// time only, so a `Connection` stays with the task that opened it.
public final class Connection {
    let handle: OpaquePointer
    public let target: ConnectionTarget

    /// Connects synchronously. The parameters are passed as already parsed
    /// (`expand_dbname = 0`), so a `dbname` value is never reinterpreted as a
    /// conninfo string; libpq still adds `PG*` variables and `~/.pgpass`.
    public init(_ target: ConnectionTarget) throws {
        try LibPQ.load()
        let name = target["fallback_application_name"] == nil ? [("fallback_application_name", "pgscalpel")] : []
        let connection = target.withLibpqArrays(adding: name) { keywords, values in
            PQconnectdbParams(keywords, values, 0)
        }
        guard let connection else {
            throw PostgresError(.connectionFailed, "cannot connect to \(target): out of memory")
        }
        guard PQstatus(connection) == CONNECTION_OK else {
            let error = PostgresError(
                .connectionFailed,
                "cannot connect to \(Self.endpoint(of: connection)): \(Self.connectionFailure(connection))"
            )
            PQfinish(connection)
            throw error
        }
        self.handle = connection
        self.target = target
    }

    deinit {
        PQfinish(handle)
    }

    /// `PQserverVersion`: 150004 for 15.4, 90624 for 9.6.24.
    public var serverVersionNumber: Int {
        Int(PQserverVersion(handle))
    }

    /// The database this connection reached, with PGDATABASE and the user-name
    /// default applied: what `current_database()` says, without the round trip.
    public var database: String {
        PQdb(handle).map { String(cString: $0) } ?? ""
    }

    /// The database, host, port and login role this connection reached.
    public var endpoint: ConnectionEndpoint { ConnectionEndpoint(handle) }

    /// `current_user`: the role privileges are checked for (a role's own
    /// `SET ROLE` default can make it differ from the login user).
    public func currentRole() throws -> String {
        try execute("SELECT current_user")[0, 0] ?? ""
    }

    /// A setting the server reports on its own (`server_version`,
    /// `server_encoding`, `TimeZone`, `standard_conforming_strings`, ...).
    public func parameterStatus(_ name: String) -> String? {
        PQparameterStatus(handle, name).map { String(cString: $0) }
    }

    /// The libpq found at run time, in the same encoding as `serverVersionNumber`.
    public static func libpqVersion() throws -> Int {
        try LibPQ.load()
        return Int(PQlibVersion())
    }

    /// The effective endpoint (after `PG*` variables and defaults), which is
    /// what an operator needs to see when a connection fails.
    private static func endpoint(of connection: OpaquePointer) -> String {
        let parts: [(String, UnsafeMutablePointer<CChar>?)] = [
            ("host", PQhost(connection)),
            ("port", PQport(connection)),
            ("user", PQuser(connection)),
            ("dbname", PQdb(connection)),
        ]
        return parts
            .compactMap { keyword, value in
                guard let value, value.pointee != 0 else {
                    return nil
                }
                return "\(keyword)=\(ConnectionTarget.quoted(String(cString: value)))"
            }
            .joined(separator: " ")
    }

    /// libpq prefixes each attempt with `connection to server ... failed:`,
    /// which repeats the endpoint already named; without it, and with repeated
    /// lines folded, a multi-host failure stays one readable line.
    private static func connectionFailure(_ connection: OpaquePointer) -> String {
        let attemptPrefix = #/^\s*connection to server .*? failed:\s*/#
        var seen = Set<String>()
        let lines = String(cString: PQerrorMessage(connection))
            .split(whereSeparator: \.isNewline)
            .map { String($0).replacing(attemptPrefix, with: "").asOneLine }
            .filter { !$0.isEmpty && seen.insert($0).inserted }
        return lines.isEmpty ? "unknown error" : lines.joined(separator: "; ")
    }
}

@available(*, unavailable)
extension Connection: Sendable {}
