import PostgresAccess
import ScalpelArchive

/// The session settings both sides of a diff are read under, so that one value
/// has one text on each: those the archive's COPY data were written under
/// (DateStyle, IntervalStyle, extra_float_digits from pg_dump itself, TimeZone and
/// bytea_output pinned by `backup`, the dump's client_encoding).
struct ArchiveTextSession {
    let settings: [(String, String)]
    /// The dump's client_encoding, in which both sides' COPY text arrives.
    let clientEncoding: String
    /// Whether the archive's own text can be compared with a server's: only when
    /// every setting that shapes it is known, which it is for archives `backup` wrote.
    let archiveTextComparable: Bool

    init(dump: DumpInfo) {
        let known = dump.settings
        settings = [
            ("DateStyle", known["DateStyle"] ?? "ISO"),
            ("IntervalStyle", known["IntervalStyle"] ?? "postgres"),
            ("extra_float_digits", known["extra_float_digits"] ?? "3"),
            ("TimeZone", known["TimeZone"] ?? "UTC"),
            ("bytea_output", known["bytea_output"] ?? "hex"),
            ("client_encoding", known["client_encoding"] ?? "UTF8"),
        ]
        clientEncoding = known["client_encoding"] ?? "UTF8"
        archiveTextComparable = ["DateStyle", "IntervalStyle", "extra_float_digits", "TimeZone", "bytea_output"]
            .allSatisfy { known[$0] != nil }
    }

    /// Opens the read-only snapshot every row of one side is read in: REPEATABLE
    /// READ, so the rows are those of one moment, and READ ONLY, so nothing a
    /// `--where` expression calls can write. Takes no lock beyond ACCESS SHARE.
    func begin(on connection: Connection) throws {
        try connection.execute("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY")
        try set(on: connection)
    }

    /// Puts the settings in force until the open transaction ends, with
    /// row_security off, as pg_dump runs: a policy that would hide rows from this
    /// role makes the read fail instead of showing them as deleted. And with
    /// standard_conforming_strings on, whatever the server's default, as the
    /// `--where` expression was checked and as `sqlLiteral` quotes.
    func set(on connection: Connection) throws {
        for (name, value) in settings {
            try connection.execute("SELECT pg_catalog.set_config($1, $2, true)", [name, value])
        }
        try connection.execute("SELECT pg_catalog.set_config('row_security', 'off', true)")
        try connection.execute("SELECT pg_catalog.set_config('standard_conforming_strings', 'on', true)")
    }
}
