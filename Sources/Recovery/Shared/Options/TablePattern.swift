import ScalpelArchive
import Support

/// A `-t` argument as pg_dump reads one: `name` or `schema.name`, each part a
/// `NamePattern` (wildcards, `[...]` classes, double quotes keeping case, dots
/// and spaces: `"My Schema"."Odd.Name"`).
public struct TablePattern: Sendable, CustomStringConvertible {
    public let description: String
    private let schema: NamePattern?
    private let name: NamePattern

    public init(_ text: String) throws {
        description = text
        let parts = try NamePattern.parts(of: text)
        guard parts.count <= 2, let name = parts.last, !name.isEmpty else {
            throw UsageError("\(text) is not a table name (expected NAME or SCHEMA.NAME)")
        }
        schema = parts.count == 2 ? parts[0] : nil
        self.name = name
    }

    /// Whether the pattern can name tables that differ by more than their schema:
    /// a plain name found in two schemas is a mistake to point out, a wildcard's
    /// many tables are what was asked for.
    public var hasWildcards: Bool {
        name.exactText == nil || (schema != nil && schema?.exactText == nil)
    }

    /// The text a user meant, for "did you mean": quotes dropped, case folded, so
    /// `Usres` and `"usres"` both look like `users`.
    var typedName: (qualified: Bool, text: String) {
        (schema != nil, description.filter { $0 != "\"" }.lowercased())
    }

    public func matches(_ table: QualifiedName) -> Bool {
        if let schema, !schema.matches(table.schema ?? "") { return false }
        return name.matches(table.name)
    }
}

extension TablePattern {
    /// The pattern that matches only `table`, whatever characters its name holds:
    /// a pattern reads double quotes as SQL does.
    init(exactly table: QualifiedName) throws {
        try self.init(table.sqlIdentifier)
    }

    /// `table` as one would type it after `-t`: each part as it is when folding
    /// and the pattern characters leave it alone, else double-quoted.
    static func spelling(of table: QualifiedName) -> String {
        func part(_ text: String) -> String {
            let plain = text.first.map { $0 == "_" || ("a"..."z").contains($0) } == true
                && text.allSatisfy { $0 == "_" || ("a"..."z").contains($0) || ("0"..."9").contains($0) }
            return plain ? text : text.sqlIdentifier
        }
        return (table.schema.map { part($0) + "." } ?? "") + part(table.name)
    }
}

/// A mistake in what the user typed: the CLI prints it as one line and exits 2.
public struct UsageError: Error, CustomStringConvertible, Sendable {
    public let description: String
    public init(_ description: String) { self.description = description }
}
