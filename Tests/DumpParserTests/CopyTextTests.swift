import TestSupport
import Testing

@testable import DumpParser

@Suite struct CopyTextTests {
    private func bytes(_ text: String) -> [UInt8] { Array(text.utf8) }

    @Test func splitsOnUnescapedTabs() {
        let fields = CopyText.splitFields(bytes("1\ta\\tb\t\\N\t\\\\N\t\\\tx\t\n"))
        #expect(fields.map { $0.map(Array.init) } == [
            bytes("1"), bytes("a\\tb"), nil, bytes("\\\\N"), bytes("\\\tx"), [],
        ])
    }

    @Test func decodesEveryEscape() {
        #expect(CopyText.decode(bytes("\\b\\f\\n\\r\\t\\v\\\\")) == [8, 12, 10, 13, 9, 11, 92])
        #expect(CopyText.decode(bytes("\\101\\0\\7x\\1234")) == [65, 0, 7, 120, 83, 52])
        #expect(CopyText.decode(bytes("\\x41\\xa\\xg\\x")) == [65, 10, 120, 103, 120])
        #expect(CopyText.decode(bytes("\\N\\.\\q")) == bytes("N.q"))
        #expect(CopyText.decode(bytes("end\\")) == bytes("end"))
    }

    /// In SJIS 'ソ' is 0x83 0x5C and the server writes it unescaped: its 0x5C neither
    /// escapes the tab after it nor starts an escape with the `n`.
    @Test func stepsOverCharactersOfAClientOnlyEncoding() {
        let line: [UInt8] = [0x83, 0x5C, 0x09, 0x83, 0x5C, 0x6E, 0x5C, 0x5C, 0x5C, 0x6E, 0x09, 0x5C, 0x4E]
        #expect(CopyText.decodeLine(line, encoding: .sjis) == [[0x83, 0x5C], [0x83, 0x5C, 0x6E, 0x5C, 0x0A], nil])
        #expect(CopyText.decodeLine(line).count == 2)
        // GB18030's four-byte characters hold digits; an escaped character stands for itself.
        #expect(CopyText.decode([0x81, 0x30, 0x8B, 0x37, 0x5C, 0x31, 0x5C, 0xFE, 0x5C], encoding: .gb18030)
            == [0x81, 0x30, 0x8B, 0x37, 0x01, 0xFE, 0x5C])
        #expect(ClientOnlyEncoding(name: "Shift_JIS") == .sjis && ClientOnlyEncoding(name: "win950") == .big5)
        #expect(ClientOnlyEncoding(name: "UTF8") == nil && ClientOnlyEncoding(name: "EUC_JP") == nil)
    }

    @Test func encodesLikeTheServer() {
        #expect(CopyText.encode([8, 12, 10, 13, 9, 11, 92, 0, 1, 0x7F]) == bytes("\\b\\f\\n\\r\\t\\v\\\\") + [0, 1, 0x7F])
        #expect(CopyText.encode(bytes("héllo \\N")) == bytes("héllo \\\\N"))
        #expect(CopyText.encodeLine([bytes("a\tb"), nil, []]) == bytes("a\\tb\t\\N\t\n"))
    }

    @Test func roundTripsArbitraryBytes() {
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<500 {
            let value = (0..<Int.random(in: 0...40, using: &generator)).map { _ in UInt8.random(in: 0...255, using: &generator) }
            let encoded = CopyText.encode(value)
            #expect(!encoded.contains(ASCII.newline) && !encoded.contains(ASCII.tab))
            #expect(CopyText.decode(encoded) == value)
            let row: [[UInt8]?] = [value, nil, value]
            #expect(CopyText.decodeLine(CopyText.encodeLine(row)) == row)
        }
    }

    /// Every line the server wrote for public.plain decodes and re-encodes to itself.
    @Test func roundTripsServerOutput() throws {
        let text = String(decoding: try Fixture.bytes("awkward.sql"), as: UTF8.self)
        let start = try #require(text.range(of: "COPY public.plain (id, note, m, p) FROM stdin;\n"))
        let block = text[start.upperBound...].prefix { _ in true }
        let lines = block.split(separator: "\n", omittingEmptySubsequences: false).prefix { $0 != "\\." }
        #expect(lines.count == 1500)
        var nulls = 0
        for line in lines {
            let fields = CopyText.decodeLine(Array(line.utf8))
            #expect(fields.count == 4)
            nulls += fields.filter { $0 == nil }.count
            #expect(CopyText.encodeLine(fields) == Array((line + "\n").utf8))
        }
        #expect(nulls == 1500 / 7)
        let values = Set(lines.compactMap { CopyText.decodeLine(Array($0.utf8))[1] })
        for expected in ["new\nline and back\\slash", "cr\rff\u{0C}bs\u{08}vt\u{0B}", "\\N literally", "tab\there", ""] {
            #expect(values.contains(Array(expected.utf8)), "\(expected.debugDescription)")
        }
    }
}
