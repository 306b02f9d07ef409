import FoundationEssentials

extension ConnectionTarget {
    /// Each POSTGRES_* variable, the parameter it fills, the libpq variables that
    /// say the same thing, and where a command line says it instead.
    static let postgresVariables: [(keyword: String, variable: String, libpq: [String], spelled: String)] = [
        ("host", "POSTGRES_HOST", ["PGHOST", "PGHOSTADDR"], "host=... (or -h)"),
        ("port", "POSTGRES_PORT", ["PGPORT"], "port=... (or -p)"),
        ("user", "POSTGRES_USER", ["PGUSER"], "user=... (or -U)"),
        ("password", "POSTGRES_PASSWORD", ["PGPASSWORD"], "password=..."),
        ("dbname", "POSTGRES_DB", ["PGDATABASE"], "the database (dbname=..., or -d)"),
    ]

    /// One rule, setting by setting, so that no mix of variables can reach another
    /// database in silence (a shell with PGHOST and PGUSER exported, running the
    /// runbook's `POSTGRES_DB=app POSTGRES_USER=app`, once dumped `postgres`): what
    /// the command line says wins; else a POSTGRES_* variable fills in where no
    /// libpq variable is set, or one is set to the same value; where they differ,
    /// nothing is guessed and the command stops, naming both. A service (`service=`
    /// or PGSERVICE) brings settings of its own, so a POSTGRES_* variable beside
    /// it stops the command too.
    mutating func applyPostgresVariables(from environment: [String: String]) throws {
        try applyPostgresVariables(environment)
    }

    /// A copy with the POSTGRES_* variables applied after the command line's own
    /// settings (`-h`, `-p`, `-U`), which must be in place first to win.
    public func applyingPostgresVariables(
        from environment: [String: String] = ProcessInfo.processInfo.environment
    ) throws -> ConnectionTarget {
        var copy = self
        try copy.applyPostgresVariables(environment)
        return copy
    }

    private mutating func applyPostgresVariables(_ environment: [String: String]) throws {
        func value(_ name: String) -> String? { environment[name].flatMap { $0.isEmpty ? nil : $0 } }
        let service = self["service"] ?? value("PGSERVICE")
        for (keyword, variable, libpq, spelled) in Self.postgresVariables where self[keyword] == nil {
            guard let wanted = value(variable) else { continue }
            let secret = keyword == "password"
            if let service {
                throw PostgresError(.conflictingSettings, "\(variable)\(secret ? "" : "=\(wanted)") is set beside the "
                    + "service \(service): give \(spelled) on the command line, or unset one of them")
            }
            let others = libpq.compactMap { name in value(name).map { (name: name, value: $0) } }
            if others.isEmpty {
                parameters.append((keyword, wanted))
            } else if let other = others.first(where: { $0.value != wanted }) {
                let shown = secret ? "\(other.name) and \(variable) differ"
                    : "\(other.name)=\(other.value) and \(variable)=\(wanted) disagree"
                throw PostgresError(.conflictingSettings, "\(shown): give \(spelled) on the command line, or unset one of them")
            }
        }
    }
}
