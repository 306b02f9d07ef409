import DumpParser
import ScalpelArchive

/// One top-level statement of a section, with the comments before it, as the
/// server is sent it. Sections are run a statement at a time so that one
/// `ALTER ... OWNER TO` naming a role the target lacks costs only that statement.
struct SectionStatement {
    /// A token and the bytes it was read from, so that a reader of the COPY
    /// header can tell which semicolon ended the statement.
    typealias Token = (kind: SQLTokenizer.Token, range: Range<Int>)

    var text: String
    var tokens: [Token]

    /// Splits SQL text at top-level semicolons. A `BEGIN ATOMIC` function body
    /// holds semicolons of its own and ends at its matching `END` (CASE ... END
    /// inside it nests); psql meta-command lines are dropped.
    static func split(_ bytes: [UInt8]) -> [SectionStatement] {
        var statements: [SectionStatement] = []
        var tokenizer = SQLTokenizer(bytes)
        var current: [Token] = []
        var start = 0
        var atomicDepth = 0
        func finish(at end: Int) {
            if !current.isEmpty {
                statements.append(SectionStatement(text: String(decoding: bytes[start..<end], as: UTF8.self), tokens: current))
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
