@testable import Recovery
import Testing
import TestSupport

/// What reaches a terminal from names in an archive: escapes, never the control characters themselves.
@Suite struct PrintableTests {
    @Test func controlCharactersBecomeEscapes() {
        #expect(printable("plain name, café 日本") == "plain name, café 日本")
        #expect(printable("a\u{1b}[31mb") == "a\\x1b[31mb")
        #expect(printable("new\nline\r\ttab") == "new\\nline\\r\\ttab")
        #expect(printable("nul\u{0}bel\u{7}del\u{7f}") == "nul\\x00bel\\x07del\\x7f")
        #expect(printable("csi\u{9b}31m nel\u{85}") == "csi\\u009b31m nel\\u0085")
        #expect(printable("rlo\u{202e}txt.exe ls\u{2028}") == "rlo\\u202etxt.exe ls\\u2028")
        // Backslashes stay: an escaped text is its own printable form.
        #expect(printable("back\\slash") == "back\\slash")
        #expect(printable(printable("a\u{1b}b\nc")) == printable("a\u{1b}b\nc"))
    }

    @Test func tablesLineUpOnTheEscapedText() {
        let lines = formatTable(header: ["NAME", "N"], rows: [["a\u{1b}b", "1"], ["long name", "2"]], rightAligned: [1])
        #expect(lines == ["NAME       N", "a\\x1bb     1", "long name  2"])
    }

    @Test func diffLiteralsEscapeWhatPrintableEscapes() {
        #expect(DiffTextWriter.literal(Array("a\u{7f}b".utf8)) == "E'a\\x7fb'")
        #expect(DiffTextWriter.literal(Array("c\u{9b}d".utf8)) == "E'c\\u009bd'")
        #expect(DiffTextWriter.literal(Array("tab\there".utf8)) == "E'tab\\there'")
        #expect(DiffTextWriter.literal(Array("it's".utf8)) == "'it''s'")
    }
}
