/// One top-level statement of a section, with the comments before it, as the
/// server is sent it. Sections are run a statement at a time so that one
/// `ALTER ... OWNER TO` naming a role the target lacks costs only that statement.
struct RestoreSQLStatement {
    var text: String
    var tokens: [RestoreSQLToken]

    /// Splits SQL text at top-level semicolons. A `BEGIN ATOMIC` function body
    /// holds semicolons of its own and ends at its matching `END` (CASE ... END
    /// inside it nests); psql meta-command lines are dropped.
    static func split(_ bytes: [UInt8]) -> [RestoreSQLStatement] {
        var statements: [RestoreSQLStatement] = []
        var current: [RestoreSQLToken] = []
        var start = 0
        var atomicDepth = 0
        func finish(at end: Int) {
            if !current.isEmpty {
                statements.append(RestoreSQLStatement(text: String(decoding: bytes[start..<end], as: UTF8.self), tokens: current))
            }
            current = []
            start = end
        }
        for token in RestoreSQLLexer.tokens(bytes) {
            switch token.kind {
            case .metaCommand:
                finish(at: token.range.lowerBound)
                start = token.range.upperBound
            case .semicolon where atomicDepth == 0:
                current.append(token)
                finish(at: token.range.upperBound)
            default:
                if token.isWord("atomic"), current.last?.isWord("begin") == true, atomicDepth == 0 {
                    atomicDepth = 1
                } else if atomicDepth > 0 && (token.isWord("begin") || token.isWord("case")) {
                    atomicDepth += 1
                } else if atomicDepth > 0 && token.isWord("end") {
                    atomicDepth -= 1
                }
                current.append(token)
            }
        }
        finish(at: bytes.count)
        return statements
    }

    var firstWord: String? { tokens.first { $0.kind == .word }?.text }

    /// `ALTER <object> ... OWNER TO role;`: the role, or nil for any other statement.
    var newOwner: String? {
        guard firstWord == "alter", let to = tokens.lastIndex(where: { $0.isWord("to") }), to > 0,
              tokens[to - 1].isWord("owner") else { return nil }
        return name(after: to)
    }

    /// The role of `GRANT ... TO role` or `REVOKE ... FROM role`.
    var grantee: String? {
        let keyword = firstWord == "grant" ? "to" : firstWord == "revoke" ? "from" : nil
        guard let keyword, let found = tokens.lastIndex(where: { $0.isWord(keyword) }) else { return nil }
        return name(after: found)
    }

    private func name(after position: Int) -> String? {
        position + 1 < tokens.count && tokens[position + 1].isName ? tokens[position + 1].text : nil
    }
}
