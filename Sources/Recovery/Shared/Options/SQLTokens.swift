import DumpParser
import ScalpelArchive
import Support

extension SQLTokenizer.Token {
    static var semicolon: Self { .symbol(UInt8(ascii: ";")) }

    func isSymbol(_ symbol: Unicode.Scalar) -> Bool {
        self == .symbol(UInt8(ascii: symbol))
    }

    /// An unquoted word folded to lower case, as the server folds it. Nil for
    /// numbers too, which the tokenizer reads as words but which name nothing.
    var foldedWord: String? {
        guard case let .word(text) = self, let first = text.utf8.first, !(0x30...0x39).contains(first) else { return nil }
        return String(decoding: text.utf8.map { $0 >= 0x41 && $0 <= 0x5A ? $0 | 0x20 : $0 }, as: UTF8.self)
    }

    /// The object name this token is, if it can be one.
    var name: String? {
        if case let .quoted(text) = self { return text }
        return foldedWord
    }
}

/// A statement's or a section's tokens, as searched for what they name.
extension [SQLTokenizer.Token] {
    init(_ bytes: [UInt8]) {
        self = []
        var tokenizer = SQLTokenizer(bytes)
        while let token = tokenizer.next() { append(token) }
    }

    /// Leaves out routine bodies, which pg_dump dollar-quotes and nothing else:
    /// the names in a body are looked up when the routine runs, not when it is created.
    init(outsideRoutineBodies bytes: [UInt8]) {
        self = []
        var tokenizer = SQLTokenizer(bytes)
        while let token = tokenizer.next() {
            if case .string = token, bytes[tokenizer.tokenStart] == UInt8(ascii: "$") { continue }
            append(token)
        }
    }

    /// Every `name.name` in the tokens and inside their string literals, where
    /// `nextval('public.seq'::regclass)` names a sequence.
    var qualifiedNames: [QualifiedName] {
        var names: [QualifiedName] = []
        for (offset, token) in enumerated() {
            if case let .string(text) = token, text.utf8.contains(UInt8(ascii: ".")) {
                names += Self(outsideRoutineBodies: [UInt8](text.utf8)).qualifiedNames
            }
            guard offset + 2 < count, let schema = token.name, self[offset + 1].isSymbol("."),
                  let name = self[offset + 2].name else { continue }
            names.append(QualifiedName(schema: schema, name: name))
        }
        return names
    }

    /// The name after `keyword` (`REFERENCES public.t (id)`), qualified or not.
    func name(after keyword: String) -> QualifiedName? {
        guard let found = firstIndex(where: { $0.isKeyword(keyword) }) else { return nil }
        var rest = self[(found + 1)...]
        return rest.popQualifiedName()
    }
}

extension ArraySlice<SQLTokenizer.Token> {
    /// A possibly schema-qualified name at the front (`s.t`, `"S"."T"`), consumed.
    mutating func popQualifiedName() -> QualifiedName? {
        guard let first = first?.name else { return nil }
        removeFirst()
        guard self.first?.isSymbol(".") == true, let second = dropFirst().first?.name else {
            return QualifiedName(schema: nil, name: first)
        }
        removeFirst(2)
        return QualifiedName(schema: first, name: second)
    }

    /// A parenthesised, comma-separated list of names at the front, consumed; the
    /// offsets of their tokens.
    mutating func popNameList() -> [Int]? {
        guard first?.isSymbol("(") == true else { return nil }
        removeFirst()
        var names: [Int] = []
        while let index = indices.first, self[index].name != nil {
            names.append(index)
            removeFirst()
            guard let separator = popFirst() else { return nil }
            if separator.isSymbol(")") { return names }
            guard separator.isSymbol(",") else { return nil }
        }
        return nil
    }
}
