import Glibc

/// C APIs that take `const char *const *` (libpq's parameter arrays, argv,
/// envp) need every string alive at once; the copies live exactly as long as
/// `body` runs.
func withCStrings<Result>(
    _ strings: [String?],
    _ body: ([UnsafePointer<CChar>?]) throws -> Result
) rethrows -> Result {
    let copies = strings.map { string in string.map { UnsafePointer(strdup($0)!) } }
    defer {
        for copy in copies {
            free(UnsafeMutablePointer(mutating: copy))
        }
    }
    return try body(copies)
}

extension String {
    /// PostgreSQL text cannot hold a NUL byte, and libpq would silently cut a
    /// C string there, so such a value is refused instead of truncated.
    func checkedForNUL(_ what: String) throws -> String {
        try checkNoNUL(utf8, what)
        return self
    }
}

/// The check of `checkedForNUL`, for text given as bytes.
func checkNoNUL(_ bytes: some Sequence<UInt8>, _ what: String) throws {
    guard !bytes.contains(0) else {
        throw PostgresError(.invalidArgument, "\(what) contains a NUL byte, which PostgreSQL cannot accept")
    }
}
