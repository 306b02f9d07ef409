/// An `-n` argument as pg_dump reads one: a single `NamePattern`, so
/// `-n 'billing*'` and `-n '"Sales"'` select here what they select in pg_dump.
public struct SchemaPattern: Sendable, CustomStringConvertible {
    public let description: String
    private let pattern: NamePattern

    public init(_ text: String) throws {
        description = text
        let parts = try NamePattern.parts(of: text)
        guard parts.count == 1, let pattern = parts.first, !pattern.isEmpty else {
            throw UsageError("\(text) is not a schema name (a dot inside one needs double quotes)")
        }
        self.pattern = pattern
    }

    /// A table an older pg_dump named without its schema is in the empty one.
    public func matches(_ schema: String?) -> Bool {
        pattern.matches(schema ?? "")
    }
}
