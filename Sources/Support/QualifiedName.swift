/// A schema-qualified object name as PostgreSQL stores it: identifiers already
/// unquoted (`"My ""T"""` becomes `My "T"`), unquoted ones kept as written. One
/// type for the parser, the archive's index and the recovery operations, so a
/// name read from a dump is the name looked up in the index and on the server.
public struct QualifiedName: Sendable, Hashable, Codable, CustomStringConvertible {
    /// Nil when the statement names the object without a schema (schemas,
    /// extensions, large objects, publications, ...).
    public var schema: String?
    public var name: String

    public init(schema: String?, name: String) {
        self.schema = schema
        self.name = name
    }

    /// Unquoted, for messages: `public.users`.
    public var description: String {
        schema.map { "\($0).\(name)" } ?? name
    }
}
