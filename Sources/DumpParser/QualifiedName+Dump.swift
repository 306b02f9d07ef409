import Support

extension QualifiedName {
    /// Builds a name from dotted parts; a three-part name is `database.schema.name`.
    init?(parts: [String]) {
        switch parts.count {
        case 1: self.init(schema: nil, name: parts[0])
        case 2, 3: self.init(schema: parts[parts.count - 2], name: parts[parts.count - 1])
        default: return nil
        }
    }

    /// The name as it appears in a TOC header comment, where pg_dump turns line
    /// breaks into spaces so a name cannot end the comment line.
    var headerSpelling: QualifiedName {
        QualifiedName(schema: schema.map(Self.sanitized), name: Self.sanitized(name))
    }

    private static func sanitized(_ text: String) -> String {
        String(text.map { $0 == "\n" || $0 == "\r" || $0 == "\r\n" ? " " : $0 })
    }
}
