import Testing
import DumpParser

/// The tokenizer as other modules use it: `restore` splits sections with it.
@Suite struct SQLTokenizerTests {
    private func tokens(_ sql: String) -> [(token: SQLTokenizer.Token, text: String)] {
        let bytes = Array(sql.utf8)
        var tokenizer = SQLTokenizer(bytes)
        var tokens: [(SQLTokenizer.Token, String)] = []
        while let token = tokenizer.next() {
            tokens.append((token, String(decoding: bytes[tokenizer.tokenStart..<tokenizer.position], as: UTF8.self)))
        }
        return tokens
    }

    @Test func metaCommandsAreWholeLinesAtLineStartOnly() {
        let read = tokens("\\restrict k;ey\n  \\connect db\nSELECT 1 \\x;\n/* c */ \\y\n-- z\n\\unrestrict k")
        #expect(read.map(\.token) == [
            .metaCommand, .metaCommand, .word("SELECT"), .word("1"), .symbol(UInt8(ascii: "\\")), .word("x"),
            .symbol(UInt8(ascii: ";")), .symbol(UInt8(ascii: "\\")), .word("y"), .metaCommand,
        ])
        #expect(read.filter { $0.token == .metaCommand }.map(\.text) == ["\\restrict k;ey", "\\connect db", "\\unrestrict k"])
    }

    @Test func positionsCoverEachTokenAsWritten() {
        let read = tokens("E'a\\'b' \"Q\"\"x\" $f$ ; $f$ 'it''s' -- no\n/* no */ x")
        #expect(read.map(\.token) == [.string("a'b"), .quoted("Q\"x"), .string(" ; "), .string("it's"), .word("x")])
        #expect(read.map(\.text) == ["E'a\\'b'", "\"Q\"\"x\"", "$f$ ; $f$", "'it''s'", "x"])
    }
}
