import FoundationEssentials
import Support

/// Where the PostgreSQL programs are, as paths ready for `posix_spawn`. Debian keeps them per major version in
/// /usr/lib/postgresql/N/bin and puts only wrappers on PATH, so PATH alone
/// would miss initdb and postgres.
public struct ServerBinaries: Sendable {
    public enum Tool: String, Sendable, CaseIterable {
        case initdb
        case postgres
        case pgCtl = "pg_ctl"
        case pgDump = "pg_dump"
        case pgRestore = "pg_restore"
        case psql
        case pgbench

        /// What to `apt-get install` when the tool is missing.
        public var debianPackage: String {
            switch self {
            case .initdb, .postgres, .pgCtl, .pgbench: "postgresql"
            case .pgDump, .pgRestore, .psql: "postgresql-client"
            }
        }

        /// Tools that must come from one installation: initdb writes a data
        /// directory only its own postgres can run.
        var isServerTool: Bool {
            debianPackage == "postgresql"
        }
    }

    private let tools: [Tool: String]
    /// The directories looked in, best first, for messages about missing tools.
    public let searchedDirectories: [String]

    /// Uses the tools in one directory, e.g. from a `--pg-bin` option.
    public init(directory: String) {
        self.init(searching: [directory])
    }

    private init(searching directories: [String]) {
        func directory(with tools: [Tool]) -> String? {
            directories.first { directory in
                tools.allSatisfy { FileManager.default.isExecutableFile(atPath: "\(directory)/\($0.rawValue)") }
            }
        }
        let serverDirectory = directory(with: [.initdb, .postgres])
        var tools: [Tool: String] = [:]
        for tool in Tool.allCases {
            let preferred = [serverDirectory].compactMap { $0 }
            let candidates = tool.isServerTool ? preferred : preferred + directories
            if let found = candidates.first(where: { FileManager.default.isExecutableFile(atPath: "\($0)/\(tool.rawValue)") }) {
                tools[tool] = "\(found)/\(tool.rawValue)"
            }
        }
        self.tools = tools
        self.searchedDirectories = directories
    }

    /// Searches `pg_config --bindir`, then /usr/lib/postgresql/*/bin from
    /// the highest major version down, then `PATH`. Server tools all come from
    /// the first directory holding both initdb and postgres; client tools
    /// prefer that directory too, so pg_dump is at least as new as the server.
    public static func locate(environment: [String: String] = ProcessInfo.processInfo.environment) throws -> ServerBinaries {
        let path = (environment["PATH"] ?? "").split(separator: ":").map(String.init)
        let pgConfig = path.lazy.map { "\($0)/pg_config" }.first { FileManager.default.isExecutableFile(atPath: $0) }
        let configured = pgConfig.flatMap { try? ChildProcess.run($0, ["--bindir"], environment: environment) }
            .flatMap { $0.termination == .exited(0) ? $0.output.trimmingWhitespace() : nil }
        let versions = ((try? FileManager.default.contentsOfDirectory(atPath: "/usr/lib/postgresql")) ?? [])
            .compactMap { name in Double(name).map { (name, $0) } }
            .sorted { $0.1 > $1.1 }
            .map { "/usr/lib/postgresql/\($0.0)/bin" }
        var seen = Set<String>()
        let directories = ([configured].compactMap { $0 } + versions + path)
            .map { URL(fileURLWithPath: $0).standardizedFileURL.path }
            .filter { seen.insert($0).inserted }
        let binaries = ServerBinaries(searching: directories)
        guard !binaries.tools.isEmpty else {
            throw PostgresError(
                .missingBinary,
                "no PostgreSQL programs found in pg_config --bindir, /usr/lib/postgresql/*/bin or PATH; install the Debian packages postgresql and postgresql-client"
            )
        }
        return binaries
    }

    public subscript(tool: Tool) -> String? {
        tools[tool]
    }

    /// The tool, or an error naming the Debian package that provides it.
    public func require(_ tool: Tool) throws -> String {
        guard let path = tools[tool] else {
            let places = searchedDirectories.isEmpty ? "" : " in \(searchedDirectories.joined(separator: ", "))"
            throw PostgresError(
                .missingBinary,
                "\(tool.rawValue) not found\(places); install the Debian package \(tool.debianPackage)"
            )
        }
        return path
    }

    public var initdb: String? { tools[.initdb] }
    public var postgres: String? { tools[.postgres] }
    public var pgCtl: String? { tools[.pgCtl] }
    public var pgDump: String? { tools[.pgDump] }
    public var pgRestore: String? { tools[.pgRestore] }
    public var psql: String? { tools[.psql] }
    public var pgbench: String? { tools[.pgbench] }

    /// The release a tool reports, e.g. "15.18" or "17beta1", from
    /// `pg_dump (PostgreSQL) 15.18 (Debian 15.18-0+deb12u1)`.
    public func version(of tool: Tool) throws -> String {
        let path = try require(tool)
        let (termination, output) = try ChildProcess.run(path, ["--version"])
        let version = output.firstMatch(of: #/\(PostgreSQL\)\s+(\S+)/#)?.output.1
        guard termination == .exited(0), let version else {
            throw PostgresError(
                .processFailed,
                "\(path) --version failed (\(termination)): \(output.asOneLine)"
            )
        }
        return String(version)
    }
}
