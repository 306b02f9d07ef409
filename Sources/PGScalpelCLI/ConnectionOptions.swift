import ArgumentParser
import PostgresAccess

/// libpq's ways to name a database, spelled as pg_dump spells them. Whatever is not
/// given comes from PG* variables, ~/.pgpass and service files, as libpq does, or
/// else from the POSTGRES_* variables of the operators' backup scripts.
struct ConnectionOptions: ParsableArguments {
    @Option(name: [.customShort("d"), .customLong("dbname")],
            help: ArgumentHelp("Database: a conninfo string or a postgres:// URI.", valueName: "CONN"))
    var dbname: String?

    @Option(name: [.customShort("h"), .customLong("host")], help: "Server host or socket directory.")
    var host: String?

    @Option(name: [.customShort("p"), .customLong("port")], help: "Server port.")
    var port: String?

    @Option(name: [.customShort("U"), .customLong("username")], help: "User name.")
    var username: String?

    func target() throws -> ConnectionTarget {
        try ConnectionTarget(dbname)
            .setting("host", to: host)
            .setting("port", to: port)
            .setting("user", to: username)
    }
}
