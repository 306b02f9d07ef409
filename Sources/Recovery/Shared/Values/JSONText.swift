/// JSON text written straight into a byte buffer, for the one-object-per-line
/// output: no intermediate strings or dictionaries per row.
enum JSONText {
    /// A JSON string. Control characters are escaped; bytes that are not UTF-8
    /// (possible only in a SQL_ASCII database) become U+FFFD, as JSON must be UTF-8.
    static func appendString(_ value: UnsafeRawBufferPointer, to output: inout [UInt8]) {
        output.append(quote)
        var runStart = 0
        var index = 0
        while index < value.count {
            let byte = value[index]
            if byte >= 0x20 && byte < 0x80 && byte != quote && byte != backslash {
                index += 1
                continue
            }
            if byte >= 0x80, let length = utf8SequenceLength(value, at: index) {
                index += length
                continue
            }
            output.append(bytes: UnsafeRawBufferPointer(rebasing: value[runStart..<index]))
            switch byte {
            case quote, backslash: output += [backslash, byte]
            case 0x0A: output += [backslash, UInt8(ascii: "n")]
            case 0x0D: output += [backslash, UInt8(ascii: "r")]
            case 0x09: output += [backslash, UInt8(ascii: "t")]
            case 0x08: output += [backslash, UInt8(ascii: "b")]
            case 0x0C: output += [backslash, UInt8(ascii: "f")]
            case ..<0x20: output += Array("\\u00".utf8) + [hexDigits[Int(byte >> 4)], hexDigits[Int(byte & 0x0F)]]
            default: output += replacementCharacter
            }
            index += 1
            runStart = index
        }
        output.append(bytes: UnsafeRawBufferPointer(rebasing: value[runStart..<index]))
        output.append(quote)
    }

    static func appendString(_ value: String, to output: inout [UInt8]) {
        var text = value
        text.withUTF8 { appendString(UnsafeRawBufferPointer($0), to: &output) }
    }

    /// Whether the text is a JSON number: PostgreSQL's integers, numerics and
    /// floats are, except NaN and the infinities, which JSON cannot spell.
    static func isNumber(_ text: UnsafeRawBufferPointer) -> Bool {
        var index = 0
        func digits() -> Int {
            let start = index
            while index < text.count, text[index] >= 0x30, text[index] <= 0x39 { index += 1 }
            return index - start
        }
        if index < text.count, text[index] == UInt8(ascii: "-") { index += 1 }
        guard index < text.count else { return false }
        if text[index] == 0x30 {
            index += 1
        } else if digits() == 0 {
            return false
        }
        if index < text.count, text[index] == UInt8(ascii: ".") {
            index += 1
            guard digits() > 0 else { return false }
        }
        if index < text.count, text[index] | 0x20 == UInt8(ascii: "e") {
            index += 1
            if index < text.count, text[index] == UInt8(ascii: "+") || text[index] == UInt8(ascii: "-") { index += 1 }
            guard digits() > 0 else { return false }
        }
        return index == text.count
    }

    /// The length of the well-formed UTF-8 sequence starting at `index` (RFC 3629:
    /// no overlong forms, no surrogates, nothing above U+10FFFF), or nil.
    private static func utf8SequenceLength(_ bytes: UnsafeRawBufferPointer, at index: Int) -> Int? {
        let lead = bytes[index]
        let length: Int
        var low: UInt8 = 0x80
        var high: UInt8 = 0xBF
        switch lead {
        case 0xC2...0xDF: length = 2
        case 0xE0: length = 3; low = 0xA0
        case 0xE1...0xEC, 0xEE...0xEF: length = 3
        case 0xED: length = 3; high = 0x9F
        case 0xF0: length = 4; low = 0x90
        case 0xF1...0xF3: length = 4
        case 0xF4: length = 4; high = 0x8F
        default: return nil
        }
        guard index + length <= bytes.count else { return nil }
        for offset in 1..<length {
            let byte = bytes[index + offset]
            let (lower, upper) = offset == 1 ? (low, high) : (UInt8(0x80), UInt8(0xBF))
            guard byte >= lower && byte <= upper else { return nil }
        }
        return length
    }

    static let quote = UInt8(ascii: "\"")
    private static let backslash = UInt8(ascii: "\\")
    private static let hexDigits = Array("0123456789abcdef".utf8)
    private static let replacementCharacter: [UInt8] = [0xEF, 0xBF, 0xBD]
}
