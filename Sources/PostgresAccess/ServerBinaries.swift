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

    private init(searching listed: [String]) {
        var seen = Set<String>()
        let directories = listed.filter { seen.insert($0).inserted }
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

    /// The chosen installation's tools; client tools it lacks come from the others,
    /// in search order.
    public init(_ installation: PostgresInstallation, in installations: PostgresInstallations) {
        self.init(searching: [installation.directory] + installations.searched)
    }

    /// The newest server found (see `PostgresInstallations`) with its client tools,
    /// or, on a machine with only client tools, those.
    public static func locate(bindir: String? = nil,
                              environment: [String: String] = ProcessInfo.processInfo.environment) throws -> ServerBinaries {
        let installations = PostgresInstallations.find(bindir: bindir, environment: environment)
        let newest = try? installations.server(forSourceMajor: nil, allowOlder: true)
        let binaries = ServerBinaries(searching: [newest?.directory].compactMap { $0 } + installations.searched)
        guard !binaries.tools.isEmpty else {
            throw PostgresError(
                .missingBinary,
                "no PostgreSQL programs found in \(installations.searched.joined(separator: ", ")); install the Debian packages postgresql and postgresql-client"
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

    /// The release a tool reports, e.g. "15.18" or "17beta1".
    public func version(of tool: Tool) throws -> String {
        try PostgresInstallation.version(of: try require(tool))
    }
}
