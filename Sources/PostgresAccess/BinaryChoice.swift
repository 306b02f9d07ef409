import FoundationEssentials

/// What the operator said about which PostgreSQL programs to run: a bin directory
/// (`--bindir`, else `PGSCALPEL_BINDIR`) and whether a sidecar or target older
/// than the dumped server is acceptable (`--allow-older-server`).
public struct BinaryChoice: Sendable {
    public var bindir: String?
    public var allowOlderServer: Bool

    public init(bindir: String? = nil, allowOlderServer: Bool = false) {
        self.bindir = bindir
        self.allowOlderServer = allowOlderServer
    }

    public func installations(environment: [String: String] = ProcessInfo.processInfo.environment) -> PostgresInstallations {
        PostgresInstallations.find(bindir: bindir, environment: environment)
    }

    /// The programs for a sidecar that loads a dump of a server reporting
    /// `sourceVersion` (the archive's `serverVersion`; nil: the newest server).
    public func sidecarBinaries(sourceVersion: String?,
                                environment: [String: String] = ProcessInfo.processInfo.environment) throws -> ServerBinaries {
        let installations = installations(environment: environment)
        let server = try installations.server(forSourceMajor: sourceVersion.flatMap(PostgresInstallation.major(of:)),
                                              allowOlder: allowOlderServer)
        return ServerBinaries(server, in: installations)
    }
}
