import ScalpelArchive

/// One token of the few statements `export` reads from an archive: `CREATE TABLE`,
/// `CREATE DOMAIN`, the primary key's `ALTER TABLE`, the `COPY` line. DumpParser's
/// tokenizer is internal to that module, and this one must also keep each token's
/// spelling: `--format sql` writes identifiers quoted exactly as pg_dump quoted them.
struct DefinitionToken: Equatable {
    enum Kind: Equatable {
        /// Unquoted identifier, keyword or number.
        case word
        /// `"..."` identifier.
        case quoted
        /// String literal of any kind; its value is never needed here.
        case string
        /// Any other single byte.
        case symbol
    }

    var kind: Kind
    /// The identifier it names (unquoted words folded to lower case, as the server
    /// folds them), or the symbol itself.
    var text: String
    /// As written in the dump.
    var spelling: String

    func isKeyword(_ keyword: String) -> Bool {
        kind == .word && text == keyword.lowercased()
    }

    func isSymbol(_ symbol: Character) -> Bool {
        kind == .symbol && text == String(symbol)
    }

    var identifier: String? {
        kind == .word || kind == .quoted ? text : nil
    }

    /// Tokens of SQL text, comments and white space dropped.
    static func tokens(_ bytes: [UInt8]) -> [DefinitionToken] {
        var lexer = Lexer(bytes: bytes)
        var tokens: [DefinitionToken] = []
        while let token = lexer.next() { tokens.append(token) }
        return tokens
    }

    private struct Lexer {
        let bytes: [UInt8]
        var index = 0

        mutating func next() -> DefinitionToken? {
            skipSpaceAndComments()
            guard index < bytes.count else { return nil }
            let start = index
            let byte = bytes[index]
            if byte == quote || byte == doubleQuote {
                index += 1
                let value = closeQuoted(by: byte, backslashEscapes: false)
                return byte == quote ? token(.string, "", from: start) : token(.quoted, value, from: start)
            }
            if byte | 0x20 == UInt8(ascii: "e"), index + 1 < bytes.count, bytes[index + 1] == quote {
                index += 2
                _ = closeQuoted(by: quote, backslashEscapes: true)
                return token(.string, "", from: start)
            }
            if byte == dollar, let tag = dollarTag() {
                index += tag.count
                while index < bytes.count, !bytes[index...].starts(with: tag) { index += 1 }
                index = min(bytes.count, index + tag.count)
                return token(.string, "", from: start)
            }
            if isWordByte(byte) {
                while index < bytes.count, isWordByte(bytes[index]) || bytes[index] == dollar { index += 1 }
                let word = String(decoding: bytes[start..<index], as: UTF8.self)
                return token(.word, word.lowercased(), from: start)
            }
            index += 1
            return token(.symbol, String(decoding: [byte], as: UTF8.self), from: start)
        }

        private func token(_ kind: DefinitionToken.Kind, _ text: String, from start: Int) -> DefinitionToken {
            DefinitionToken(kind: kind, text: text, spelling: String(decoding: bytes[start..<index], as: UTF8.self))
        }

        /// Past the closing quote; a doubled quote stands for one.
        private mutating func closeQuoted(by closing: UInt8, backslashEscapes: Bool) -> String {
            var value: [UInt8] = []
            while index < bytes.count {
                let byte = bytes[index]
                index += 1
                if backslashEscapes && byte == backslash {
                    index += 1
                } else if byte == closing {
                    guard index < bytes.count, bytes[index] == closing else { break }
                    index += 1
                    value.append(closing)
                } else {
                    value.append(byte)
                }
            }
            return String(decoding: value, as: UTF8.self)
        }

        /// `$$` or `$tag$` at the current position.
        private func dollarTag() -> ArraySlice<UInt8>? {
            var end = index + 1
            if end < bytes.count, isWordByte(bytes[end]), !(bytes[end] >= 0x30 && bytes[end] <= 0x39) {
                while end < bytes.count, isWordByte(bytes[end]) { end += 1 }
            }
            guard end < bytes.count, bytes[end] == dollar else { return nil }
            return bytes[index...end]
        }

        private mutating func skipSpaceAndComments() {
            while index < bytes.count {
                let byte = bytes[index]
                if byte == 0x20 || (byte >= 0x09 && byte <= 0x0D) {
                    index += 1
                } else if byte == dash, index + 1 < bytes.count, bytes[index + 1] == dash {
                    while index < bytes.count, bytes[index] != 0x0A { index += 1 }
                } else if byte == slash, index + 1 < bytes.count, bytes[index + 1] == star {
                    var depth = 0
                    repeat {
                        if bytes[index...].starts(with: [slash, star]) { depth += 1; index += 2 }
                        else if bytes[index...].starts(with: [star, slash]) { depth -= 1; index += 2 }
                        else { index += 1 }
                    } while depth > 0 && index < bytes.count
                } else {
                    return
                }
            }
        }

        private func isWordByte(_ byte: UInt8) -> Bool {
            (byte | 0x20 >= 0x61 && byte | 0x20 <= 0x7A) || (byte >= 0x30 && byte <= 0x39) || byte == 0x5F || byte >= 0x80
        }

        private let quote = UInt8(ascii: "'")
        private let doubleQuote = UInt8(ascii: "\"")
        private let backslash = UInt8(ascii: "\\")
        private let dollar = UInt8(ascii: "$")
        private let dash = UInt8(ascii: "-")
        private let slash = UInt8(ascii: "/")
        private let star = UInt8(ascii: "*")
    }
}

extension ArraySlice where Element == DefinitionToken {
    /// A possibly schema-qualified name at the front (`s.t`, `"S"."T"`), consumed.
    mutating func popQualifiedName() -> (name: RelationName, spelling: String)? {
        guard let first = first?.identifier else { return nil }
        var spelling = self.first!.spelling
        removeFirst()
        guard self.first?.isSymbol(".") == true, dropFirst().first?.identifier != nil else {
            return (RelationName(schema: nil, name: first), spelling)
        }
        removeFirst()
        let second = removeFirst()
        spelling += "." + second.spelling
        return (RelationName(schema: first, name: second.text), spelling)
    }

    /// A parenthesised, comma-separated list of identifiers at the front, consumed.
    mutating func popIdentifierList() -> [DefinitionToken]? {
        guard first?.isSymbol("(") == true else { return nil }
        removeFirst()
        var names: [DefinitionToken] = []
        while let token = popFirst() {
            guard token.identifier != nil else { return nil }
            names.append(token)
            guard let separator = popFirst() else { return nil }
            if separator.isSymbol(")") { return names }
            guard separator.isSymbol(",") else { return nil }
        }
        return nil
    }
}
