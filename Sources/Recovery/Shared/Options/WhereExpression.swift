import DumpParser

/// `--where` of export, diff and apply: a boolean SQL expression the server evaluates
/// over each row. COPY takes no parameters, nor can a clause be one, so the
/// expression is pasted into the statement's text; it is sent only when it reads as
/// one self-contained expression, so it cannot close the parentheses around it and
/// go on as part of the statement (`true)) TO PROGRAM '...'`) or as another one.
/// Export and diff add a read-only transaction and the one-statement protocol.
/// Package-wide so that its fuzz target (Tests/Fuzz) can hold it to that.
package struct WhereExpression: Equatable {
    package let expression: String
    /// The option it came from, for messages: `--where`, or apply's `--production-where`.
    let option: String

    package init(_ expression: String, option: String = "--where") throws {
        self.expression = expression
        self.option = option
        guard expression.contains(where: { !$0.isWhitespace }) else { throw UsageError("\(option) needs an expression") }
        // A `)` after the expression is found as a token only if no quote, dollar
        // quote or comment the expression left open swallowed it.
        let sentinel = expression.utf8.count + 1
        var tokenizer = SQLTokenizer(Array(expression.utf8) + Array("\n)".utf8))
        var depth = 0
        while let token = tokenizer.next(), tokenizer.tokenStart < sentinel {
            switch token {
            case .symbol(UInt8(ascii: "(")):
                depth += 1
            case .symbol(UInt8(ascii: ")")):
                depth -= 1
                guard depth >= 0 else { throw failure("a ) closes more than the expression opened") }
            case .symbol(UInt8(ascii: ";")):
                throw failure("one expression, without ;")
            case .metaCommand:
                throw failure("a line that starts with a backslash")
            default:
                break
            }
        }
        guard tokenizer.tokenStart == sentinel else { throw failure("a quote or comment is not closed") }
        guard depth == 0 else { throw failure("a ( is not closed") }
    }

    /// The expression on lines of its own: a `--` comment at its end stops there.
    package var condition: String { "(\n\(expression)\n)" }

    private func failure(_ reason: String) -> UsageError {
        UsageError("\(option) \(expression): \(reason)")
    }
}
