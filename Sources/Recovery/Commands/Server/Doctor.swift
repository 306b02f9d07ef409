import PostgresAccess

/// `pgscalpel doctor`: what pgscalpel found on this machine and, given a database,
/// whether it can reach and dump it; for anything missing, what to install.
public struct Doctor: Encodable, Sendable {
    public struct Check: Codable, Sendable {
        public var name: String
        public var ok: Bool
        public var detail: String
    }

    public var checks: [Check] = []
    public var ok: Bool { checks.allSatisfy(\.ok) }

    public init(target: ConnectionTarget?) {
        let binaries: ServerBinaries?
        do {
            binaries = try ServerBinaries.locate()
        } catch {
            binaries = nil
            checks.append(Check(name: "PostgreSQL binaries", ok: false, detail: "\(error)"))
        }
        var pgDumpVersion: String?
        if let binaries {
            for tool in ServerBinaries.Tool.allCases {
                guard let path = binaries[tool] else {
                    checks.append(Check(name: tool.rawValue, ok: tool == .pgbench,
                                        detail: "not found (apt-get install \(tool.debianPackage))"))
                    continue
                }
                let version = (try? binaries.version(of: tool)) ?? "unknown version"
                if tool == .pgDump { pgDumpVersion = version }
                checks.append(Check(name: tool.rawValue, ok: true, detail: "\(version) at \(path)"))
            }
        }
        do {
            checks.append(Check(name: "libpq", ok: true, detail: Self.versionText(try Connection.libpqVersion())))
        } catch {
            checks.append(Check(name: "libpq", ok: false, detail: "\(error)"))
        }
        guard let target else { return }
        do {
            let connection = try Connection(target)
            let server = connection.serverVersionNumber
            checks.append(Check(name: "connection", ok: true,
                                detail: "\(target.redacted): PostgreSQL \(Self.versionText(server))"))
            if let pgDumpVersion, let dumpMajor = Int(pgDumpVersion.prefix { $0.isNumber }) {
                let fits = dumpMajor >= server / 10000
                checks.append(Check(name: "pg_dump can dump this server", ok: fits, detail: fits
                    ? "pg_dump \(pgDumpVersion) >= server \(server / 10000)"
                    : "pg_dump \(pgDumpVersion) is older than the server: apt-get install postgresql-client-\(server / 10000)"))
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
    }

    enum CodingKeys: String, CodingKey { case checks, ok }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(checks, forKey: .checks)
        try container.encode(ok, forKey: .ok)
    }
}

extension Doctor: CommandOutcome {
    /// Something required is missing.
    public var exitStatus: ExitStatus { ok ? .success : .checkFailed }
}
