import Support

/// Every failure this module reports, from a rejected conninfo string to a
/// server that would not start, so callers match on one type and print one line.
///
/// Messages never carry a password: everything built from a conninfo string or
/// from libpq's own text passes through the same redaction. `description`
/// leaves out `detail`, which is where the server quotes row values
/// (`Key (id)=(1) already exists.`).
public struct PostgresError: Error, CustomStringConvertible, Sendable {
    /// Which layer failed; the server's own classification is `sqlState`.
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        public let rawValue: String

        private init(_ rawValue: String) {
            self.rawValue = rawValue
        }

        public var description: String { rawValue }

        /// libpq could not parse the conninfo string or URI.
        public static let invalidConnectionString = Code("invalid connection string")
        /// Two sources of connection settings (PG* and POSTGRES_* variables, a
        /// service) disagree, and nothing on the command line settles it.
        public static let conflictingSettings = Code("conflicting connection settings")
        /// No session was established; the message says why.
        public static let connectionFailed = Code("connection failed")
        /// The server reported an error; `sqlState` classifies it.
        public static let server = Code("server error")
        /// libpq could not send or receive, e.g. the server went away mid-command.
        public static let communication = Code("communication failure")
        /// The COPY data stream failed on the client side.
        public static let copyFailed = Code("COPY failed")
        /// The server answered with a result the call was not written for.
        public static let unexpectedResult = Code("unexpected result")
        /// A value cannot be sent to the server, e.g. a string with a NUL byte.
        public static let invalidArgument = Code("invalid argument")
        /// libpq itself could not be loaded.
        public static let libraryUnavailable = Code("libpq unavailable")
        /// A PostgreSQL program is not installed.
        public static let missingBinary = Code("missing binary")
        /// A helper program (initdb, `--version`, ...) failed.
        public static let processFailed = Code("process failed")
        /// A sidecar server did not come up.
        public static let serverStartFailed = Code("server start failed")
    }

    public var code: Code
    /// The five-character SQLSTATE, present only when the server sent one.
    public var sqlState: String?
    /// `ERROR`, `FATAL`, `PANIC`: untranslated, whatever `lc_messages` says.
    public var severity: String?
    public var message: String
    public var detail: String?
    public var hint: String?

    init(
        _ code: Code,
        _ message: String,
        sqlState: String? = nil,
        severity: String? = nil,
        detail: String? = nil,
        hint: String? = nil
    ) {
        self.code = code
        self.message = redactingPasswords(in: message)
        self.sqlState = sqlState
        self.severity = severity
        self.detail = detail.map { redactingPasswords(in: $0) }
        self.hint = hint.map { redactingPasswords(in: $0) }
    }

    public var description: String {
        if let sqlState {
            return "\(severity ?? "ERROR") \(sqlState): \(message)"
        }
        return message
    }
}

extension String {
    /// libpq's messages span lines (one per host tried, plus hints) and repeat
    /// the severity; a CLI wants them on one line.
    var asOneLine: String {
        split(whereSeparator: \.isNewline)
            .map { line in
                var line = line.trimmingSpacesAndTabs()
                for prefix in ["FATAL:", "ERROR:"] where line.hasPrefix(prefix) {
                    line = line.dropFirst(prefix.count).trimmingSpacesAndTabs()
                }
                return line
            }
            .filter { !$0.isEmpty }
            .joined(separator: "; ")
    }
}
