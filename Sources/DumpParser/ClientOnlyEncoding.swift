/// PostgreSQL's client-only encodings: those in which a multibyte character's
/// later bytes can be ASCII bytes, so a `\` (0x5C) or a digit may be half of a
/// character (in SJIS 'ソ' is 0x83 0x5C). The server never stores text in them;
/// it writes them for a client that asks (`pg_dump --encoding=SJIS`), and there,
/// in COPY text and CSV alike, it steps over each character whose first byte has
/// the high bit set by `pg_encoding_mblen` instead of looking at its later bytes.
/// Anything that reads or writes those bytes must step the same way. In every
/// other encoding a byte below 0x80 is always an ASCII character, and nil stands
/// for them.
public enum ClientOnlyEncoding: Sendable {
    case sjis, big5, gbk, uhc, gb18030, johab

    /// The encoding a `client_encoding` setting names, spelled any way the server
    /// accepts (case and punctuation are ignored, as in its `clean_encoding_name`,
    /// and its aliases count); nil for an encoding that is not client-only.
    public init?(name: String) {
        switch cleanEncodingName(name) {
        // SHIFT_JIS_2004 has its own name but SJIS's character lengths.
        case "sjis", "shiftjis", "mskanji", "win932", "windows932", "shiftjis2004": self = .sjis
        case "big5", "win950", "windows950": self = .big5
        case "gbk", "win936", "windows936": self = .gbk
        case "uhc", "win949", "windows949": self = .uhc
        case "gb18030": self = .gb18030
        case "johab": self = .johab
        default: return nil
        }
    }

    /// The index just past the character at `index`: one byte for ASCII, else the
    /// length `pg_encoding_mblen` gives (GB18030 alone also looks at the second
    /// byte), cut short at the end of `bytes` should the text end mid-character.
    @inlinable
    public func end<Bytes: RandomAccessCollection<UInt8>>(ofCharacterAt index: Int, in bytes: Bytes) -> Int
    where Bytes.Index == Int {
        let first = bytes[index]
        guard first >= 0x80 else { return index + 1 }
        let length = switch self {
        // Single-byte half-width katakana sit among SJIS's high bytes.
        case .sjis: first >= 0xA1 && first <= 0xDF ? 1 : 2
        case .big5, .gbk, .uhc: 2
        case .gb18030: index + 1 < bytes.endIndex && bytes[index + 1] >= 0x30 && bytes[index + 1] <= 0x39 ? 4 : 2
        // The server measures JOHAB as it does EUC, SS3 (0x8F) included.
        case .johab: first == 0x8F ? 3 : 2
        }
        return min(index + length, bytes.endIndex)
    }
}
