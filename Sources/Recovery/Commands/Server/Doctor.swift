import PostgresAccess

/// `pgscalpel doctor`: what pgscalpel found on this machine and, given a database,
/// whether it can reach and dump it; for anything missing, what to install.
public struct Doctor: Encodable, Sendable {
    public struct Check: Codable, Sendable {
        public var name: String
        public var ok: Bool
        public var detail: String
    }

    /// One bin directory found, and what pgscalpel would take it for, so that an
    /// operator with several majors sees the choice before a command makes it.
    public struct Installation: Codable, Sendable {
        public var directory: String
        public var version: String
        public var pgDumpVersion: String?
        public var tools: [String]
        public var chosenFor: [String]
    }

    public var checks: [Check] = []
    public var installations: [Installation] = []
    public var ok: Bool { checks.allSatisfy(\.ok) }

    public init(target: ConnectionTarget?, binaries choice: BinaryChoice = BinaryChoice()) {
        let found = choice.installations()
        let sidecar = try? found.server(forSourceMajor: nil, allowOlder: true)
        let binaries: ServerBinaries?
        do {
            binaries = try ServerBinaries.locate(bindir: choice.bindir)
        } catch {
            binaries = nil
            checks.append(Check(name: "PostgreSQL binaries", ok: false, detail: "\(error)"))
        }
        if let binaries {
            for tool in ServerBinaries.Tool.allCases {
                guard let path = binaries[tool] else {
                    checks.append(Check(name: tool.rawValue, ok: tool == .pgbench,
                                        detail: "not found (apt-get install \(tool.debianPackage))"))
                    continue
                }
                let version = (try? binaries.version(of: tool)) ?? "unknown version"
                checks.append(Check(name: tool.rawValue, ok: true, detail: "\(version) at \(path)"))
            }
        }
        do {
            checks.append(Check(name: "libpq", ok: true, detail: Self.versionText(try Connection.libpqVersion())))
        } catch {
            checks.append(Check(name: "libpq", ok: false, detail: "\(error)"))
        }
        var dumpFor: (server: Int, directory: String)?
        defer {
            installations = found.all.map { installation in
                var uses: [String] = []
                if installation.directory == sidecar?.directory { uses.append("sidecar without an archive (the newest server)") }
                if let dumpFor, installation.directory == dumpFor.directory {
                    uses.append("pg_dump for this PostgreSQL \(dumpFor.server) server")
                }
                return Installation(directory: installation.directory, version: installation.version,
                                    pgDumpVersion: installation.pgDumpVersion,
                                    tools: ServerBinaries.Tool.allCases.filter { installation.tools[$0] != nil }.map(\.rawValue),
                                    chosenFor: uses)
            }
        }
        guard let target else { return }
        do {
            let connection = try Connection(target)
            let server = connection.serverVersionNumber
            checks.append(Check(name: "connection", ok: true,
                                detail: "\(target.redacted): PostgreSQL \(Self.versionText(server))"))
            do {
                let chosen = try found.pgDump(forServerMajor: server / 10000)
                dumpFor = (server / 10000, chosen.installation.directory)
                checks.append(Check(name: "pg_dump can dump this server", ok: true,
                                    detail: "\(chosen.path) (\(chosen.installation.pgDumpVersion ?? "?")) for server \(server / 10000)"))
            } catch {
                checks.append(Check(name: "pg_dump can dump this server", ok: false, detail: "\(error)"))
            }
        } catch {
            checks.append(Check(name: "connection", ok: false, detail: "\(error)"))
        }
    }

    static func versionText(_ number: Int) -> String {
        number >= 100000 ? "\(number / 10000).\(number % 10000)" : "\(number / 10000).\(number / 100 % 100).\(number % 100)"
    }

    public func renderText() -> String {
        checks.map { "\($0.ok ? "ok     " : "MISSING") \($0.name): \($0.detail)\n" }.joined()
            + "installations found:\n"
            + installations.map { found in
                let dump = found.pgDumpVersion.map { $0 == found.version ? "" : " (pg_dump \($0))" } ?? ""
                let uses = found.chosenFor.isEmpty ? "" : "; chosen for: \(found.chosenFor.joined(separator: ", "))"
                return "  \(found.version)\(dump) \(found.directory): \(found.tools.joined(separator: " "))\(uses)\n"
            }.joined()
    }

    enum CodingKeys: String, CodingKey { case checks, installations, ok }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(checks, forKey: .checks)
        try container.encode(installations, forKey: .installations)
        try container.encode(ok, forKey: .ok)
    }
}

extension Doctor: CommandOutcome {
    /// Something required is missing.
    public var exitStatus: ExitStatus { ok ? .success : .checkFailed }
}
