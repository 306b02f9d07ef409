import CLibPQLoader

/// pgscalpel loads libpq when a command first needs a server, not at start
/// (see CLibPQLoader). Every path into libpq passes through `load()` first,
/// so a missing or unusable libpq is a one-line error rather than an exit.
enum LibPQ {
    static func load() throws {
        if let failure = pgscalpel_load_libpq() {
            throw PostgresError(.libraryUnavailable, String(cString: failure))
        }
    }
}
