/// The one way pgscalpel spells names and text into the SQL it writes or sends.
/// Pure functions rather than libpq's escaping, which needs a connection, so the
/// SQL written to a file (a diff patch, an export, an undo archive) is quoted as
/// the SQL run is. Quotes are doubled by Unicode scalar (see `escapingScalar`).
extension StringProtocol {
    /// Always double-quoted, so case, spaces, dots and reserved words stay as they are.
    public var sqlIdentifier: String {
        "\"" + escapingScalar("\"", with: "\"\"") + "\""
    }

    /// A standard string: the quote doubled, a backslash left as itself, as it reads
    /// with standard_conforming_strings on. pg_dump's output sets it, and so does
    /// every session and file of pgscalpel's that holds such a literal, so no
    /// `E''` escaping, which only a session with it off would need.
    public var sqlLiteral: String {
        "'" + escapingScalar("'", with: "''") + "'"
    }
}

extension QualifiedName {
    /// `"schema"."name"`; without a schema the name alone, as a dump from before
    /// pg_dump qualified every name writes its COPY target, for the dump's
    /// search_path to find.
    public var sqlIdentifier: String {
        schema.map { $0.sqlIdentifier + "." + name.sqlIdentifier } ?? name.sqlIdentifier
    }

    /// `"schema"."name"`, in `schema` when the name has none: `diff` and `apply`
    /// look an unqualified table up in `public`, so their SQL must name it there.
    public func sqlIdentifier(defaultSchema schema: String) -> String {
        QualifiedName(schema: self.schema ?? schema, name: name).sqlIdentifier
    }
}
