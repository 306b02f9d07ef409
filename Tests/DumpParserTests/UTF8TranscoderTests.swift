import DumpParser
import Testing

/// Text from dumps in other encodings than UTF-8, as the JSON and report outputs
/// show it.
@Suite struct UTF8TranscoderTests {
    private func convert(_ bytes: [UInt8], from encoding: String) throws -> String {
        let transcoder = try #require(try UTF8Transcoder.converting(from: encoding))
        return String(decoding: bytes.withUnsafeBytes { transcoder.convert($0) }, as: UTF8.self)
    }

    @Test func convertsWhatTheServerWrites() throws {
        #expect(try convert([0x63, 0x61, 0x66, 0xE9], from: "LATIN1") == "café")
        #expect(try convert([0x80, 0x20, 0xE9], from: "WIN1252") == "€ é")
        // SJIS 'ソ' ends in the byte of a backslash; the backslash after it is one.
        #expect(try convert([0x83, 0x5C, 0x5C], from: "SJIS") == "ソ\\")
        #expect(try convert([0xA4, 0xA2], from: "euc_jp") == "あ")
        #expect(try convert([0x81, 0x30, 0x81, 0x30], from: "GB18030") == "\u{80}")
        #expect(try convert([], from: "LATIN1") == "")
        // iconv's JOHAB has 0x5C as the won sign; the server, as a backslash.
        #expect(try convert([0x5C, 0x88, 0x61], from: "JOHAB") == "\\가")
    }

    @Test func showsWhatTheEncodingDoesNotDefineAsReplacementCharacters() throws {
        // 0x81 is undefined in WIN1252; SJIS 0x83 needs a second byte.
        #expect(try convert([0x61, 0x81, 0x62], from: "WIN1252") == "a\u{FFFD}b")
        #expect(try convert([0x61, 0x83], from: "SJIS") == "a\u{FFFD}")
        let long = [UInt8](repeating: 0xE9, count: 10_000)
        #expect(try convert(long, from: "LATIN1") == String(repeating: "é", count: 10_000))
    }

    @Test func needsNoneForUTF8AndRefusesWhatIconvLacks() throws {
        #expect(try UTF8Transcoder.converting(from: "UTF8") == nil)
        #expect(try UTF8Transcoder.converting(from: "unicode") == nil)
        #expect(try UTF8Transcoder.converting(from: "SQL_ASCII") == nil)
        #expect(throws: UTF8Transcoder.Unavailable.self) { try UTF8Transcoder.converting(from: "MULE_INTERNAL") }
        do {
            _ = try UTF8Transcoder.converting(from: "KLINGON")
            Issue.record("made a transcoder from KLINGON")
        } catch {
            #expect("\(error)" == "cannot convert KLINGON text to UTF-8 (iconv: Invalid argument)")
        }
    }
}
