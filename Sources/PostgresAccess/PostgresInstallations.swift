import FoundationEssentials
import Support

/// Every PostgreSQL installation pgscalpel can use, and which it takes for what.
/// An operator names one with `--bindir` or `PGSCALPEL_BINDIR`; otherwise the
/// search covers `pg_config --bindir`, /usr/lib/postgresql/*/bin and PATH, and
/// picks by major, because a pg_dump older than the server refuses it and a
/// server older than the dumped one fails half-way through newer syntax.
public struct PostgresInstallations: Sendable {
    /// Not PGBINDIR: PG* names are libpq's and pg_upgrade's, and pgscalpel
    /// compares PG* variables with each other for the connection.
    public static let environmentVariable = "PGSCALPEL_BINDIR"

    /// The directory the operator named, and where (`--bindir` or the variable).
    public let named: (directory: String, source: String)?
    /// Found, in search order.
    public let all: [PostgresInstallation]
    /// Every directory looked in, for messages.
    public let searched: [String]

    public init(all: [PostgresInstallation], named: (directory: String, source: String)? = nil, searched: [String]? = nil) {
        self.all = all
        self.named = named
        self.searched = searched ?? all.map(\.directory)
    }

    /// Only `bindir` (or the variable's directory) when one is named, else the search.
    public static func find(bindir: String? = nil,
                            environment: [String: String] = ProcessInfo.processInfo.environment) -> PostgresInstallations {
        let named = bindir.map { ($0, "--bindir") }
            ?? environment[environmentVariable].flatMap { $0.isEmpty ? nil : ($0, environmentVariable) }
        let directories = named.map { [standardized($0.0)] } ?? searchedDirectories(environment: environment)
        return PostgresInstallations(all: directories.compactMap(PostgresInstallation.inspect),
                                     named: named.map { (standardized($0.0), $0.1) }, searched: directories)
    }

    private static func standardized(_ path: String) -> String {
        URL(fileURLWithPath: path).standardizedFileURL.path
    }

    private static func searchedDirectories(environment: [String: String]) -> [String] {
        let path = (environment["PATH"] ?? "").split(separator: ":").map(String.init)
        let pgConfig = path.lazy.map { "\($0)/pg_config" }.first { FileManager.default.isExecutableFile(atPath: $0) }
        let configured = pgConfig.flatMap { try? ChildProcess.run($0, ["--bindir"], environment: environment) }
            .flatMap { $0.termination == .exited(0) ? $0.output.trimmingWhitespace() : nil }
        let versions = ((try? FileManager.default.contentsOfDirectory(atPath: "/usr/lib/postgresql")) ?? [])
            .compactMap { name in Double(name).map { (name, $0) } }
            .sorted { $0.1 > $1.1 }
            .map { "/usr/lib/postgresql/\($0.0)/bin" }
        // /bin and /usr/bin are one directory on merged-/usr systems: listed once.
        var seen = Set<String>()
        return ([configured].compactMap { $0 } + versions + path)
            .map(standardized)
            .filter { seen.insert(URL(fileURLWithPath: $0).resolvingSymlinksInPath().path).inserted }
    }

    /// Where the choice came from, for messages: the named directory or the search.
    private var whereLooked: String {
        if let named { return "\(named.directory) (from \(named.source))" }
        return searched.isEmpty ? "an empty PATH" : searched.joined(separator: ", ")
    }

    private var howToName: String {
        named == nil ? "or name its bin directory with --bindir or \(Self.environmentVariable)"
            : "or name another bin directory"
    }

    /// The newest pg_dump whose major is at least the server's: an older one
    /// refuses the server, and a newer one dumps any older server.
    public func pgDump(forServerMajor major: Int) throws -> (path: String, installation: PostgresInstallation) {
        let dumps = all.compactMap { installation in
            installation.tools[.pgDump].map { (path: $0, installation: installation, major: installation.pgDumpMajor ?? 0) }
        }
        if let newest = dumps.filter({ $0.major >= major }).max(by: { $0.major < $1.major }) {
            return (newest.path, newest.installation)
        }
        let found = dumps.isEmpty ? "no pg_dump in \(whereLooked)"
            : "found only pg_dump " + dumps.map { "\($0.installation.pgDumpVersion ?? "?") in \($0.installation.directory)" }
                .joined(separator: ", ")
        throw PostgresError(.missingBinary, "a PostgreSQL \(major) server needs pg_dump \(major) or newer, \(found): "
            + "install postgresql-client-\(major) (Debian, PGDG) \(howToName)")
    }

    /// The server for a sidecar that loads a dump of a `sourceMajor` server: the same
    /// major, else the oldest newer one (closest in behaviour); an older server only
    /// with `allowOlder`, as newer syntax would fail part-way through the restore.
    /// With no source major (no archive, or one that does not say) the newest.
    public func server(forSourceMajor sourceMajor: Int?, allowOlder: Bool) throws -> PostgresInstallation {
        let servers = all.filter(\.hasServer)
        guard let newest = servers.max(by: { $0.major < $1.major }) else {
            throw PostgresError(.missingBinary, "no PostgreSQL server (initdb and postgres) in \(whereLooked): "
                + "install the Debian package postgresql \(howToName)")
        }
        guard let sourceMajor else { return newest }
        if let fitting = servers.filter({ $0.major >= sourceMajor }).min(by: { $0.major < $1.major }) {
            return fitting
        }
        guard allowOlder else {
            throw PostgresError(.missingBinary, "the archive comes from PostgreSQL \(sourceMajor) and the newest server found is "
                + "\(newest.label): install postgresql-\(sourceMajor) \(howToName), "
                + "or pass --allow-older-server to restore into \(newest.major) anyway")
        }
        return newest
    }
}
