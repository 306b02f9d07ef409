import ArgumentParser
import PostgresAccess

/// libpq's ways to name a database, spelled as pg_dump spells them. Whatever is not
/// given comes from PG* variables, ~/.pgpass and service files, as libpq does, or
/// else from the POSTGRES_* variables of the operators' backup scripts; where those
/// two disagree, the command stops rather than guess.
struct ConnectionOptions: ParsableArguments {
    @Option(name: [.customShort("d"), .customLong("dbname")],
            help: ArgumentHelp("Database: a conninfo string or a postgres:// URI.", valueName: "CONN"))
    var dbname: String?

    @Option(name: [.customShort("h"), .customLong("host")], help: "Server host or socket directory.")
    var host: String?

    // .unconditional: `-p -5` is a port to refuse, not a missing one.
    @Option(name: [.customShort("p"), .customLong("port")], parsing: .unconditional, help: "Server port.")
    var port: String?

    func validate() throws {
        // libpq takes one port per host, separated by commas; an empty one is the default port.
        if let port, !port.split(separator: ",", omittingEmptySubsequences: false)
            .allSatisfy({ $0.isEmpty || (UInt16($0).map { $0 >= 1 } ?? false) }) {
            throw ValidationError("-p: \(port) is not a port number (1 to 65535)")
        }
    }

    @Option(name: [.customShort("U"), .customLong("username")], help: "User name.")
    var username: String?

    /// The flags first, then the environment, so that `-U` settles a PGUSER and
    /// POSTGRES_USER that disagree.
    func target() throws -> ConnectionTarget {
        try ConnectionTarget(dbname, environment: [:])
            .setting("host", to: host)
            .setting("port", to: port)
            .setting("user", to: username)
            .applyingPostgresVariables()
    }
}
