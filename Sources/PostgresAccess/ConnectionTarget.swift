import CLibPQ
import FoundationEssentials

/// What to connect to, parsed once by libpq so conninfo strings and URIs mean
/// exactly what they mean to psql and pg_dump.
///
/// Only the parameters that were given are kept; libpq fills the rest from
/// `PG*` variables, the service file and `~/.pgpass` when connecting.
public struct ConnectionTarget: Sendable {
    /// Keyword/value pairs as libpq names them (`host`, `port`, `dbname`, ...).
    public internal(set) var parameters: [(keyword: String, value: String)]

    /// Parses `spec`, a conninfo string (`host=db dbname=app`), a
    /// `postgres://` / `postgresql://` URI, or, as pg_dump's `-d` takes it, a
    /// bare database name (no `=` and no URI prefix); nil or empty means libpq's defaults.
    ///
    /// The `POSTGRES_HOST`, `POSTGRES_PORT`, `POSTGRES_USER`, `POSTGRES_PASSWORD`
    /// and `POSTGRES_DB` variables that container images and backup scripts use
    /// fill the parameters `spec` left out, and disagreeing with a libpq variable
    /// (or a service) is an error: see `applyPostgresVariables`.
    public init(_ spec: String?, environment: [String: String] = ProcessInfo.processInfo.environment) throws {
        let spec = spec ?? ""
        let isConninfo = spec.contains("=") || spec.hasPrefix("postgres://") || spec.hasPrefix("postgresql://")
        parameters = spec.isEmpty || isConninfo ? try Self.parse(spec) : [("dbname", spec)]
        try applyPostgresVariables(from: environment)
    }

    init(parameters: [(keyword: String, value: String)]) {
        self.parameters = parameters
    }

    /// The usual target of a server started for pgscalpel itself.
    public static func unixSocket(directory: String, port: Int = 5432, user: String, database: String) -> ConnectionTarget {
        ConnectionTarget(parameters: [
            ("host", directory),
            ("port", String(port)),
            ("user", user),
            ("dbname", database),
        ])
    }

    public subscript(keyword: String) -> String? {
        parameters.last { $0.keyword == keyword }?.value
    }

    /// A copy with one parameter replaced or added, e.g. to reach another
    /// database on the same server. nil leaves the target as it is, so
    /// optional command-line flags (`-h`, `-p`, `-U`) pass straight through.
    public func setting(_ keyword: String, to value: String?) -> ConnectionTarget {
        guard let value else {
            return self
        }
        var copy = self
        copy.parameters.removeAll { $0.keyword == keyword }
        copy.parameters.append((keyword, value))
        return copy
    }

    /// The conninfo string with the password shown as `***`: the only form
    /// of a target that belongs in logs and messages.
    public var redacted: String {
        conninfo { $0.keyword == "password" ? ($0.keyword, "***") : $0 }
    }

    /// A conninfo string and extra environment for running pg_dump, psql or
    /// pg_restore against this target. The password travels in `PGPASSWORD`
    /// because a child's argv is visible to every user through `ps`.
    public func childProcessArguments() -> (conninfo: String, environment: [String: String]) {
        let info = conninfo { $0.keyword == "password" ? nil : $0 }
        guard let password = self["password"] else {
            return (info, [:])
        }
        return (info, ["PGPASSWORD": password])
    }

    /// The parameters as the NULL-terminated keyword and value arrays that
    /// `PQconnectdbParams` and `PQpingParams` take.
    func withLibpqArrays<Result>(
        adding extra: [(keyword: String, value: String)] = [],
        _ body: ([UnsafePointer<CChar>?], [UnsafePointer<CChar>?]) -> Result
    ) -> Result {
        let all = parameters + extra
        return withCStrings(all.map(\.keyword) + [nil]) { keywords in
            withCStrings(all.map(\.value) + [nil]) { values in
                body(keywords, values)
            }
        }
    }

    private func conninfo(_ transform: ((keyword: String, value: String)) -> (keyword: String, value: String)?) -> String {
        parameters
            .compactMap(transform)
            .map { "\($0.keyword)=\(Self.quoted($0.value))" }
            .joined(separator: " ")
    }

    /// libpq's conninfo quoting: single quotes, with `'` and `\` escaped by a
    /// backslash; plain values stay unquoted so the common case reads naturally.
    static func quoted(_ value: String) -> String {
        let needsQuotes = value.isEmpty || value.contains { $0.isWhitespace || $0 == "'" || $0 == "\\" }
        guard needsQuotes else {
            return value
        }
        var escaped = "'"
        for character in value {
            if character == "'" || character == "\\" {
                escaped.append("\\")
            }
            escaped.append(character)
        }
        escaped.append("'")
        return escaped
    }

    private static func parse(_ spec: String) throws -> [(keyword: String, value: String)] {
        try LibPQ.load()
        var errorMessage: UnsafeMutablePointer<CChar>?
        guard let options = PQconninfoParse(spec, &errorMessage) else {
            defer { PQfreemem(errorMessage) }
            let reason = errorMessage.map { String(cString: $0).asOneLine } ?? "out of memory"
            throw PostgresError(.invalidConnectionString, "invalid connection string: \(reason)")
        }
        defer { PQconninfoFree(options) }
        var parameters: [(keyword: String, value: String)] = []
        var option = options
        while let keyword = option.pointee.keyword {
            if let value = option.pointee.val {
                parameters.append((String(cString: keyword), String(cString: value)))
            }
            option += 1
        }
        return parameters.enumerated()
            .sorted { (displayRank[$0.element.keyword] ?? 6, $0.offset) < (displayRank[$1.element.keyword] ?? 6, $1.offset) }
            .map(\.element)
    }

    /// libpq lists `user` and `dbname` before `host`; messages read better
    /// in the order people write them, as in `host=... port=... user=... dbname=...`.
    private static let displayRank = ["host": 0, "hostaddr": 1, "port": 2, "user": 3, "password": 4, "dbname": 5]
}

extension ConnectionTarget: CustomStringConvertible {
    public var description: String { redacted }
}
