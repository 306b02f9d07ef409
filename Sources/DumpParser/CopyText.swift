/// PostgreSQL's COPY text format (the one pg_dump writes): fields separated
/// by tabs, `\N` for NULL, and backslash escapes so that no value can contain
/// a raw tab or line break.
public enum CopyText {
    /// Splits one data line (its trailing newline optional) into raw, still
    /// escaped fields; nil stands for NULL. A backslash protects the character
    /// after it, so `\<tab>` does not end a field, as in the server's own reader.
    /// In a client-only `encoding` each character is stepped over whole: there the
    /// server leaves a `\` that ends a character (SJIS 'ソ', 0x83 0x5C) unescaped.
    public static func splitFields<Line: Collection<UInt8>>(_ line: Line,
                                                            encoding: ClientOnlyEncoding? = nil) -> [ArraySlice<UInt8>?] {
        var bytes = ArraySlice(line)
        if bytes.last == ASCII.newline { bytes = bytes.dropLast() }
        if bytes.last == ASCII.carriageReturn { bytes = bytes.dropLast() }
        var fields: [ArraySlice<UInt8>?] = []
        var start = bytes.startIndex
        var i = start
        while i < bytes.endIndex {
            if bytes[i] == ASCII.backslash {
                i += 1
                if i < bytes.endIndex { i = encoding?.end(ofCharacterAt: i, in: bytes) ?? i + 1 }
                continue
            }
            if bytes[i] == ASCII.tab {
                fields.append(field(bytes[start..<i]))
                start = i + 1
            }
            i = encoding?.end(ofCharacterAt: i, in: bytes) ?? i + 1
        }
        fields.append(field(bytes[start..<min(i, bytes.endIndex)]))
        return fields
    }

    /// The value's bytes. Handles `\b \f \n \r \t \v`, one to three octal
    /// digits, `\x` with one or two hex digits, and any other `\c` as `c`;
    /// a lone backslash at the end is dropped, as the server drops it. In a
    /// client-only `encoding` a multibyte character is copied whole, whatever
    /// bytes it holds after its first (see `splitFields`).
    public static func decode<Field: Collection<UInt8>>(_ field: Field, encoding: ClientOnlyEncoding? = nil) -> [UInt8] {
        let bytes = Array(field)
        var value: [UInt8] = []
        value.reserveCapacity(bytes.count)
        var i = 0
        while i < bytes.count {
            let byte = bytes[i]
            if let encoding, byte >= 0x80 {
                let end = encoding.end(ofCharacterAt: i, in: bytes)
                value += bytes[i..<end]
                i = end
                continue
            }
            i += 1
            guard byte == ASCII.backslash else {
                value.append(byte)
                continue
            }
            guard i < bytes.count else { break }
            let escaped = bytes[i]
            i += 1
            if let digit = octalDigit(escaped) {
                var code = digit
                for _ in 0..<2 {
                    guard i < bytes.count, let next = octalDigit(bytes[i]) else { break }
                    code = code << 3 | next
                    i += 1
                }
                value.append(UInt8(truncatingIfNeeded: code))
            } else if escaped == UInt8(ascii: "x"), i < bytes.count, let high = hexDigit(bytes[i]) {
                i += 1
                var code = high
                if i < bytes.count, let low = hexDigit(bytes[i]) {
                    code = code << 4 | low
                    i += 1
                }
                value.append(UInt8(code))
            } else if let encoding, escaped >= 0x80 {
                // An escaped multibyte character stands for itself, all of it.
                let end = encoding.end(ofCharacterAt: i - 1, in: bytes)
                value += bytes[(i - 1)..<end]
                i = end
            } else {
                value.append(letterEscapes[escaped] ?? escaped)
            }
        }
        return value
    }

    /// Decodes a whole data line; nil stands for NULL.
    public static func decodeLine<Line: Collection<UInt8>>(_ line: Line, encoding: ClientOnlyEncoding? = nil) -> [[UInt8]?] {
        splitFields(line, encoding: encoding).map { $0.map { decode($0, encoding: encoding) } }
    }

    private static let nullMarker: [UInt8] = [ASCII.backslash, UInt8(ascii: "N")]

    private static let letterEscapes: [UInt8: UInt8] = [
        UInt8(ascii: "b"): 0x08, UInt8(ascii: "f"): 0x0C, UInt8(ascii: "n"): 0x0A,
        UInt8(ascii: "r"): 0x0D, UInt8(ascii: "t"): 0x09, UInt8(ascii: "v"): 0x0B,
    ]

    /// NULL is recognised on the raw text, before unescaping: `\N` is NULL, `\\N` is not.
    private static func field(_ raw: ArraySlice<UInt8>) -> ArraySlice<UInt8>? {
        raw.elementsEqual(nullMarker) ? nil : raw
    }

    private static func octalDigit(_ byte: UInt8) -> UInt32? {
        byte >= 0x30 && byte <= 0x37 ? UInt32(byte - 0x30) : nil
    }

    private static func hexDigit(_ byte: UInt8) -> UInt32? {
        switch byte {
        case 0x30...0x39: UInt32(byte - 0x30)
        case 0x41...0x46: UInt32(byte - 0x41 + 10)
        case 0x61...0x66: UInt32(byte - 0x61 + 10)
        default: nil
        }
    }
}
