import Support

/// A statement's or a section's tokens, as searched for what they name.
extension [SQLTokenizer.Token] {
    public init(_ bytes: [UInt8]) {
        self = []
        var tokenizer = SQLTokenizer(bytes)
        while let token = tokenizer.next() { append(token) }
    }

    /// Leaves out routine bodies, which pg_dump dollar-quotes and nothing else:
    /// the names in a body are looked up when the routine runs, not when it is created.
    public init(outsideRoutineBodies bytes: [UInt8]) {
        self = []
        var tokenizer = SQLTokenizer(bytes)
        while let token = tokenizer.next() {
            if case .string = token, bytes[tokenizer.tokenStart] == ASCII.dollar { continue }
            append(token)
        }
    }

    /// Every `name.name` in the tokens and inside their string literals, where
    /// `nextval('public.seq'::regclass)` names a sequence.
    public var qualifiedNames: [QualifiedName] {
        var names: [QualifiedName] = []
        for (offset, token) in enumerated() {
            if case let .string(text) = token, text.utf8.contains(ASCII.dot) {
                names += Self(outsideRoutineBodies: [UInt8](text.utf8)).qualifiedNames
            }
            guard offset + 2 < count, let schema = token.name, self[offset + 1].isSymbol("."),
                  let name = self[offset + 2].name else { continue }
            names.append(QualifiedName(schema: schema, name: name))
        }
        return names
    }

    /// The name after `keyword` (`REFERENCES public.t (id)`), qualified or not.
    public func name(after keyword: String) -> QualifiedName? {
        guard let found = firstIndex(where: { $0.isKeyword(keyword) }) else { return nil }
        var rest = self[(found + 1)...]
        return rest.qualifiedName()
    }
}
