/// The object-kind words of CREATE, COMMENT ON and GRANT ... ON, with whether
/// the kind is a relation (so that the entry belongs to that relation).
struct ObjectKind: Sendable {
    let words: [String]
    let isRelation: Bool

    private init(_ text: String, relation: Bool = false) {
        words = text.split(separator: " ").map(String.init)
        isRelation = relation
    }

    /// Longest first, so `FOREIGN TABLE` wins over a lone `FOREIGN ...` prefix.
    static let relations: [ObjectKind] = [
        ObjectKind("MATERIALIZED VIEW", relation: true), ObjectKind("FOREIGN TABLE", relation: true),
        ObjectKind("TABLE", relation: true), ObjectKind("VIEW", relation: true),
    ]

    /// Kinds named by a plain (possibly qualified) name; operators, casts,
    /// transforms and user mappings are left out because their "names" are
    /// not identifiers.
    private static let namedKinds: [ObjectKind] = [
        ObjectKind("TEXT SEARCH CONFIGURATION"), ObjectKind("TEXT SEARCH DICTIONARY"),
        ObjectKind("TEXT SEARCH TEMPLATE"), ObjectKind("TEXT SEARCH PARSER"), ObjectKind("FOREIGN DATA WRAPPER"),
        ObjectKind("OPERATOR CLASS"), ObjectKind("OPERATOR FAMILY"), ObjectKind("ACCESS METHOD"),
        ObjectKind("EVENT TRIGGER"), ObjectKind("LANGUAGE"), ObjectKind("SERVER"), ObjectKind("SCHEMA"),
        ObjectKind("EXTENSION"), ObjectKind("TYPE"), ObjectKind("DOMAIN"), ObjectKind("FUNCTION"),
        ObjectKind("PROCEDURE"), ObjectKind("AGGREGATE"), ObjectKind("ROUTINE"), ObjectKind("SEQUENCE"),
        ObjectKind("INDEX"), ObjectKind("COLLATION"), ObjectKind("CONVERSION"), ObjectKind("STATISTICS"),
        ObjectKind("PUBLICATION"), ObjectKind("SUBSCRIPTION"), ObjectKind("DATABASE"),
    ]

    static let creatable = relations + namedKinds + [ObjectKind("TRIGGER"), ObjectKind("POLICY"), ObjectKind("RULE")]

    static let commentable = relations + namedKinds + [ObjectKind("ROLE"), ObjectKind("TABLESPACE")]

    static let grantable = [ObjectKind("TABLE", relation: true)] + namedKinds
        + [ObjectKind("FOREIGN SERVER"), ObjectKind("TABLESPACE"), ObjectKind("PARAMETER")]

    static let relationWords = relations.map(\.words)
    static let creatableWords = creatable.map(\.words)
    static let commentableWords = commentable.map(\.words)
    static let grantableWords = grantable.map(\.words)

    private static let byWords: [[String]: ObjectKind] =
        Dictionary((creatable + commentable + grantable).map { ($0.words, $0) }) { first, _ in first }

    static func named(_ words: [String]) -> ObjectKind? {
        byWords[words]
    }
}
