import DumpParser
import FuzzSupport
import Recovery

/// Text as a `--where` expression. What the checker accepts is pasted into a COPY
/// statement, so beyond never trapping it must not lie: pasted where export pastes
/// it, an accepted expression must leave the statement around it intact, its
/// parentheses closing where they were opened and nothing after it a new statement.
func fuzzWhere(_ bytes: [UInt8]) {
    guard let filter = try? WhereExpression(String(decoding: bytes, as: UTF8.self)) else { return }
    let prefix = Array("COPY (SELECT 1 WHERE ".utf8)
    let condition = Array(filter.condition.utf8)
    var tokenizer = SQLTokenizer(prefix + condition + Array(") TO STDOUT".utf8))
    var depth = 0
    var after: [SQLTokenizer.Token] = []
    while let token = tokenizer.next() {
        precondition(token != .semicolon && token != .metaCommand, "an accepted --where ends the statement: \(filter.expression)")
        guard tokenizer.tokenStart < prefix.count + condition.count else {
            if after.isEmpty { precondition(depth == 1, "an accepted --where leaves a ( open: \(filter.expression)") }
            after.append(token)
            continue
        }
        if token.isSymbol("(") { depth += 1 }
        if token.isSymbol(")") { depth -= 1 }
        precondition(depth >= 1 || tokenizer.tokenStart < prefix.count, "an accepted --where closes the COPY's (: \(filter.expression)")
    }
    precondition(after == [.symbol(UInt8(ascii: ")")), .word("TO"), .word("STDOUT")],
                 "an accepted --where changes what follows it: \(filter.expression)")
}

@_cdecl("LLVMFuzzerTestOneInput")
public func testOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    fuzzWhere(FuzzInput.bytes(data, size))
    return 0
}

#if !LIBFUZZER
@main enum Replay {
    static func main() { FuzzInput.replay(fuzzWhere) }
}
#endif
