@testable import DumpParser

/// The server's side of COPY text, which pgscalpel never writes (it copies the
/// dump's lines as they are): the oracle the decoder's round trips are checked with.
extension CopyText {
    private static let escapeLetters: [UInt8: UInt8] = [
        0x08: UInt8(ascii: "b"), 0x0C: UInt8(ascii: "f"), 0x0A: UInt8(ascii: "n"),
        0x0D: UInt8(ascii: "r"), 0x09: UInt8(ascii: "t"), 0x0B: UInt8(ascii: "v"), ASCII.backslash: ASCII.backslash,
    ]

    /// Escapes a value the way the server writes it: backslash doubled,
    /// `\b \f \n \r \t \v` as letters, every other byte as it is.
    static func encode(_ value: [UInt8]) -> [UInt8] {
        var text: [UInt8] = []
        for byte in value {
            if let letter = escapeLetters[byte] {
                text += [ASCII.backslash, letter]
            } else {
                text.append(byte)
            }
        }
        return text
    }

    /// A row as a data line, with its trailing newline; nil is NULL.
    static func encodeLine(_ fields: [[UInt8]?]) -> [UInt8] {
        var line: [UInt8] = []
        for (index, field) in fields.enumerated() {
            if index > 0 { line.append(ASCII.tab) }
            line += field.map(encode) ?? [ASCII.backslash, UInt8(ascii: "N")]
        }
        line.append(ASCII.newline)
        return line
    }
}
