extension ConnectionTarget {
    /// Setting any of these means the operator configured libpq directly, and
    /// mixing in `POSTGRES_*` values would connect somewhere they did not ask for.
    static let libpqVariables = ["PGHOST", "PGHOSTADDR", "PGPORT", "PGUSER", "PGPASSWORD", "PGDATABASE", "PGSERVICE"]

    static let postgresVariables = [
        ("host", "POSTGRES_HOST"),
        ("port", "POSTGRES_PORT"),
        ("user", "POSTGRES_USER"),
        ("password", "POSTGRES_PASSWORD"),
        ("dbname", "POSTGRES_DB"),
    ]

    /// A `service=` entry supplies its own parameters, which explicit values
    /// would override, so a target naming a service is left alone too.
    mutating func applyPostgresVariables(from environment: [String: String]) {
        guard
            !Self.libpqVariables.contains(where: { environment[$0] != nil }),
            self["service"] == nil
        else {
            return
        }
        for (keyword, variable) in Self.postgresVariables where self[keyword] == nil {
            if let value = environment[variable], !value.isEmpty {
                parameters.append((keyword, value))
            }
        }
    }
}
