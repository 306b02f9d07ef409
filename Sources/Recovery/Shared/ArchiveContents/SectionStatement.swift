import DumpParser
import ScalpelArchive

/// One top-level statement of a section, with the comments before it, as the
/// server is sent it. Sections are run a statement at a time so that one
/// `ALTER ... OWNER TO` naming a role the target lacks costs only that statement.
struct SectionStatement {
    /// A token and the bytes it was read from, so that a reader of the COPY
    /// header can tell which semicolon ended the statement.
    typealias Token = (kind: SQLTokenizer.Token, range: Range<Int>)

    /// The statement as the archive holds it, in the dump's client encoding: what
    /// is sent to the server.
    var bytes: ArraySlice<UInt8>
    var tokens: [Token]

    /// For messages and matching, exact only in UTF-8; decoded when asked for, as
    /// most statements (a dump's INSERTs) are only sent.
    var text: String { String(decoding: bytes, as: UTF8.self) }

    /// Splits SQL text at top-level semicolons. A `BEGIN ATOMIC` function body
    /// holds semicolons of its own and ends at its matching `END` (CASE ... END
    /// inside it nests); psql meta-command lines are dropped.
    static func split(_ bytes: [UInt8]) -> [SectionStatement] {
        scan(bytes).statements
    }

    /// A section's statements as its bytes arrive in pieces (an archive's members),
    /// each handed on once its semicolon has arrived, so a section is never held whole.
    struct Stream {
        private var pending: [UInt8] = []

        /// Hands `body` the statements that `chunk` completes, if any.
        mutating func append(_ chunk: [UInt8], _ body: ([SectionStatement]) throws -> Void) rethrows {
            pending += chunk
            // A statement ends only at a semicolon among the new bytes: the earlier ones
            // read the same whatever follows, and none of them ended one. So a long
            // value spread over many members is not scanned again at each of them.
            guard chunk.contains(UInt8(ascii: ";")) else { return }
            let scanned = scan(pending)
            try body(Array(scanned.statements.prefix(scanned.complete)))
            // The statements, and their slices of `pending`, are gone: this does not copy.
            pending.removeFirst(scanned.end)
        }

        /// Hands `body` what is left once the section has ended, the last statement
        /// perhaps without its semicolon.
        mutating func finish(_ body: ([SectionStatement]) throws -> Void) rethrows {
            try body(split(pending))
            pending = []
        }
    }

    /// Every statement, the last possibly without its semicolon; how many come first
    /// that end with one, and where the last of those ends.
    private static func scan(_ bytes: [UInt8]) -> (statements: [SectionStatement], complete: Int, end: Int) {
        var statements: [SectionStatement] = []
        var complete = 0
        var end = 0
        var tokenizer = SQLTokenizer(bytes)
        var current: [Token] = []
        var start = 0
        var atomicDepth = 0
        func finish(at end: Int) {
            if !current.isEmpty {
                statements.append(SectionStatement(bytes: bytes[start..<end], tokens: current))
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
                complete = statements.count
                end = token.range.upperBound
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
        return (statements, complete, end)
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
