import CLibPQ

/// Where a connection really went, once conninfo, `PG*` and `POSTGRES_*` variables,
/// service files and libpq's defaults have had their say: what an operator must see
/// to know that the right database was reached (and what a script can check in
/// `--json`), since none of those sources shows on the command line.
public struct ConnectionEndpoint: Codable, Sendable, Equatable, CustomStringConvertible {
    public var database: String
    /// A host name or address, or the directory of a Unix socket.
    public var host: String
    public var port: String
    /// The login role.
    public var user: String

    init(_ connection: OpaquePointer) {
        func text(_ value: UnsafeMutablePointer<CChar>?) -> String { value.map { String(cString: $0) } ?? "" }
        database = text(PQdb(connection))
        host = text(PQhost(connection))
        port = text(PQport(connection))
        user = text(PQuser(connection))
    }

    /// `database app on db.internal:5432 as app`, `... on /run/postgresql:5432 as app`.
    public var description: String { "database \(database) on \(host):\(port) as \(user)" }
}
