import FoundationEssentials

/// One directory of PostgreSQL programs and the release they report. Choosing by
/// major needs the version of each directory, not of whichever program PATH finds
/// first: Debian's wrappers and a second major's bin directory sit side by side.
public struct PostgresInstallation: Sendable, Equatable {
    public let directory: String
    /// As the programs report it: "17.11", "15.18", "18beta1".
    public let version: String
    public let major: Int
    /// pg_dump's own, asked separately: a directory of links and wrappers can
    /// hold a pg_dump of another release than its server.
    public let pgDumpVersion: String?
    /// The tools this directory has, by path.
    public let tools: [ServerBinaries.Tool: String]

    public init(directory: String, version: String, pgDumpVersion: String? = nil, tools: [ServerBinaries.Tool: String]) {
        self.directory = directory
        self.version = version
        self.major = Self.major(of: version) ?? 0
        self.pgDumpVersion = pgDumpVersion ?? (tools[.pgDump] == nil ? nil : version)
        self.tools = tools
    }

    public var pgDumpMajor: Int? { pgDumpVersion.flatMap(Self.major(of:)) }

    /// initdb and postgres: what a sidecar needs from one installation.
    public var hasServer: Bool { tools[.initdb] != nil && tools[.postgres] != nil }

    /// "15.18 (Debian 15.18-0+deb12u1)" → 15; "9.6.24" → 9.
    public static func major(of version: String) -> Int? {
        Int(version.prefix { $0.isNumber })
    }

    /// The directory's tools and the version its server (else its pg_dump, else psql)
    /// reports, and pg_dump's; nil when it has none of them or none answers `--version`.
    public static func inspect(_ directory: String) -> PostgresInstallation? {
        var tools: [ServerBinaries.Tool: String] = [:]
        for tool in ServerBinaries.Tool.allCases where FileManager.default.isExecutableFile(atPath: "\(directory)/\(tool.rawValue)") {
            tools[tool] = "\(directory)/\(tool.rawValue)"
        }
        let asked = [ServerBinaries.Tool.postgres, .pgDump, .psql].compactMap { tools[$0] }.first
        guard let asked, let version = try? version(of: asked) else { return nil }
        let pgDumpVersion = tools[.pgDump].flatMap { try? Self.version(of: $0) }
        return PostgresInstallation(directory: directory, version: version, pgDumpVersion: pgDumpVersion, tools: tools)
    }

    /// The release a program reports, e.g. "15.18" from
    /// `pg_dump (PostgreSQL) 15.18 (Debian 15.18-0+deb12u1)`.
    static func version(of path: String) throws -> String {
        let (termination, output) = try ChildProcess.run(path, ["--version"])
        let version = output.firstMatch(of: #/\(PostgreSQL\)\s+(\S+)/#)?.output.1
        guard termination == .exited(0), let version else {
            throw PostgresError(.processFailed, "\(path) --version failed (\(termination)): \(output.asOneLine)")
        }
        return String(version)
    }

    /// "17.11 in /usr/lib/postgresql/17/bin", for messages and `doctor`.
    public var label: String { "\(version) in \(directory)" }
}
