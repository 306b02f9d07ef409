import DumpParser
import ScalpelArchive

/// One top-level statement of a section, with the comments before it, as the
/// server is sent it. Sections are run a statement at a time so that one
/// `ALTER ... OWNER TO` naming a role the target lacks costs only that statement.
struct RestoreSQLStatement {
    /// A token and the bytes it was read from, so that a reader of the COPY
    /// header can tell which semicolon ended the statement.
    typealias Token = (kind: SQLTokenizer.Token, range: Range<Int>)

    var text: String
    var tokens: [Token]

    /// Splits SQL text at top-level semicolons. A `BEGIN ATOMIC` function body
    /// holds semicolons of its own and ends at its matching `END` (CASE ... END
    /// inside it nests); psql meta-command lines are dropped.
    static func split(_ bytes: [UInt8]) -> [RestoreSQLStatement] {
        var statements: [RestoreSQLStatement] = []
        var tokenizer = SQLTokenizer(bytes)
        var current: [Token] = []
        var start = 0
        var atomicDepth = 0
        func finish(at end: Int) {
            if !current.isEmpty {
                statements.append(RestoreSQLStatement(text: String(decoding: bytes[start..<end], as: UTF8.self), tokens: current))
            }
            current = []
            start = end
        }
        while let kind = tokenizer.next() {
            let token = (kind: kind, range: tokenizer.tokenStart..<tokenizer.position)
            switch kind {
            case .metaCommand:
                finish(at: token.range.lowerBound)
                start = token.range.upperBound
            case .semicolon where atomicDepth == 0:
                current.append(token)
                finish(at: token.range.upperBound)
            default:
                if kind.isKeyword("atomic"), current.last?.kind.isKeyword("begin") == true, atomicDepth == 0 {
                    atomicDepth = 1
                } else if atomicDepth > 0 && (kind.isKeyword("begin") || kind.isKeyword("case")) {
                    atomicDepth += 1
                } else if atomicDepth > 0 && kind.isKeyword("end") {
                    atomicDepth -= 1
                }
                current.append(token)
            }
        }
        finish(at: bytes.count)
        return statements
    }

    var firstWord: String? { tokens.lazy.compactMap { $0.kind.foldedWord }.first }

    /// `ALTER <object> ... OWNER TO role;`: the role, or nil for any other statement.
    var newOwner: String? {
        guard firstWord == "alter", let to = tokens.lastIndex(where: { $0.kind.isKeyword("to") }), to > 0,
              tokens[to - 1].kind.isKeyword("owner") else { return nil }
        return name(after: to)
    }

    /// The role of `GRANT ... TO role` or `REVOKE ... FROM role`.
    var grantee: String? {
        let keyword = firstWord == "grant" ? "to" : firstWord == "revoke" ? "from" : nil
        guard let keyword, let found = tokens.lastIndex(where: { $0.kind.isKeyword(keyword) }) else { return nil }
        return name(after: found)
    }

    private func name(after position: Int) -> String? {
        position + 1 < tokens.count ? tokens[position + 1].kind.name : nil
    }
}

extension SQLTokenizer.Token {
    static var semicolon: Self { .symbol(UInt8(ascii: ";")) }

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

/// A section's tokens, as searched for what it names.
extension [SQLTokenizer.Token] {
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
    var qualifiedNames: [RelationName] {
        var names: [RelationName] = []
        for (offset, token) in enumerated() {
            if case let .string(text) = token, text.utf8.contains(UInt8(ascii: ".")) {
                names += Self(outsideRoutineBodies: [UInt8](text.utf8)).qualifiedNames
            }
            guard offset + 2 < count, let schema = token.name, self[offset + 1] == .symbol(UInt8(ascii: ".")),
                  let name = self[offset + 2].name else { continue }
            names.append(RelationName(schema: schema, name: name))
        }
        return names
    }

    /// The name after `keyword` (`REFERENCES public.t (id)`), qualified or not.
    func name(after keyword: String) -> RelationName? {
        guard let found = firstIndex(where: { $0.isKeyword(keyword) }), found + 1 < count,
              let first = self[found + 1].name else { return nil }
        if found + 3 < count, self[found + 2] == .symbol(UInt8(ascii: ".")), let second = self[found + 3].name {
            return RelationName(schema: first, name: second)
        }
        return RelationName(schema: nil, name: first)
    }
}
