import ScalpelArchive

/// One lexical token of pg_dump's SQL, as far as `restore` needs to see it: names
/// (to find what a table uses), string literals (regclass and regconfig literals name
/// objects too), dots and semicolons. Comments and dollar-quoted bodies are skipped
/// whole, so nothing inside them can look like a reference or end a statement.
struct RestoreSQLToken: Equatable {
    enum Kind: Equatable {
        /// An unquoted identifier or keyword, folded to lower case as the server folds it.
        case word
        /// A double-quoted identifier, unescaped.
        case quoted
        /// A string literal's contents, unescaped.
        case string
        case dot
        case semicolon
        /// A psql meta-command line (`\restrict KEY`): not SQL, never sent to the server.
        case metaCommand
        case other
    }

    var kind: Kind
    var text: String
    var range: Range<Int>

    var isName: Bool { kind == .word || kind == .quoted }

    func isWord(_ word: String) -> Bool { kind == .word && text == word }
}

/// A lexer for the SQL pg_dump writes, which is regular enough that quotes, comments,
/// dollar quotes and psql's backslash lines are all that can hide a `;` or a name.
enum RestoreSQLLexer {
    static func tokens(_ bytes: [UInt8]) -> [RestoreSQLToken] {
        var tokens: [RestoreSQLToken] = []
        var position = 0
        var lineStart = true
        while position < bytes.count {
            let byte = bytes[position]
            let start = position
            if byte == UInt8(ascii: "\n") {
                position += 1
                lineStart = true
                continue
            }
            if byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") || byte == UInt8(ascii: "\r") {
                position += 1
                continue
            }
            defer { lineStart = false }
            if byte == UInt8(ascii: "\\") && lineStart {
                position = endOfLine(bytes, from: position)
                tokens.append(RestoreSQLToken(kind: .metaCommand, text: "", range: start..<position))
            } else if byte == UInt8(ascii: "-") && next(bytes, position) == UInt8(ascii: "-") {
                position = endOfLine(bytes, from: position)
            } else if byte == UInt8(ascii: "/") && next(bytes, position) == UInt8(ascii: "*") {
                position = endOfBlockComment(bytes, from: position)
            } else if byte == UInt8(ascii: "'") {
                let (text, end) = quoted(bytes, from: position, quote: byte, backslashEscapes: false)
                position = end
                tokens.append(RestoreSQLToken(kind: .string, text: text, range: start..<position))
            } else if byte == UInt8(ascii: "\"") {
                let (text, end) = quoted(bytes, from: position, quote: byte, backslashEscapes: false)
                position = end
                tokens.append(RestoreSQLToken(kind: .quoted, text: text, range: start..<position))
            } else if byte == UInt8(ascii: "$"), let end = endOfDollarQuote(bytes, from: position) {
                position = end
                tokens.append(RestoreSQLToken(kind: .other, text: "", range: start..<position))
            } else if isIdentifierStart(byte) {
                while position < bytes.count && isIdentifierPart(bytes[position]) { position += 1 }
                if position - start == 1 && (byte | 0x20) == UInt8(ascii: "e") && next(bytes, start) == UInt8(ascii: "'") {
                    let (text, end) = quoted(bytes, from: position, quote: UInt8(ascii: "'"), backslashEscapes: true)
                    position = end
                    tokens.append(RestoreSQLToken(kind: .string, text: text, range: start..<position))
                } else {
                    let folded = bytes[start..<position].map { $0 >= 0x41 && $0 <= 0x5A ? $0 | 0x20 : $0 }
                    tokens.append(RestoreSQLToken(kind: .word, text: String(decoding: folded, as: UTF8.self), range: start..<position))
                }
            } else {
                position += 1
                let kind: RestoreSQLToken.Kind = byte == UInt8(ascii: ".") ? .dot : byte == UInt8(ascii: ";") ? .semicolon : .other
                tokens.append(RestoreSQLToken(kind: kind, text: "", range: start..<position))
            }
        }
        return tokens
    }

    /// Every `name.name` in the tokens and inside their string literals, where
    /// `nextval('public.seq'::regclass)` names a sequence.
    static func qualifiedNames(_ tokens: [RestoreSQLToken]) -> [RelationName] {
        var names: [RelationName] = []
        for (offset, token) in tokens.enumerated() {
            if token.kind == .string && token.text.utf8.contains(UInt8(ascii: ".")) {
                names += qualifiedNames(self.tokens(Array(token.text.utf8)))
            }
            guard offset + 2 < tokens.count, token.isName, tokens[offset + 1].kind == .dot, tokens[offset + 2].isName else {
                continue
            }
            names.append(RelationName(schema: token.text, name: tokens[offset + 2].text))
        }
        return names
    }

    /// The name after `keyword` (`REFERENCES public.t (id)`), qualified or not.
    static func name(after keyword: String, in tokens: [RestoreSQLToken]) -> RelationName? {
        guard let found = tokens.firstIndex(where: { $0.isWord(keyword) }), found + 1 < tokens.count,
              tokens[found + 1].isName else { return nil }
        let first = tokens[found + 1]
        if found + 3 < tokens.count, tokens[found + 2].kind == .dot, tokens[found + 3].isName {
            return RelationName(schema: first.text, name: tokens[found + 3].text)
        }
        return RelationName(schema: nil, name: first.text)
    }

    private static func next(_ bytes: [UInt8], _ position: Int) -> UInt8? {
        position + 1 < bytes.count ? bytes[position + 1] : nil
    }

    private static func endOfLine(_ bytes: [UInt8], from position: Int) -> Int {
        bytes[position...].firstIndex(of: UInt8(ascii: "\n")) ?? bytes.count
    }

    private static func endOfBlockComment(_ bytes: [UInt8], from start: Int) -> Int {
        var depth = 0
        var position = start
        while position < bytes.count {
            if bytes[position] == UInt8(ascii: "/") && next(bytes, position) == UInt8(ascii: "*") {
                depth += 1
                position += 2
            } else if bytes[position] == UInt8(ascii: "*") && next(bytes, position) == UInt8(ascii: "/") {
                depth -= 1
                position += 2
                if depth == 0 { return position }
            } else {
                position += 1
            }
        }
        return bytes.count
    }

    /// A quoted string or identifier starting at `start` (the opening quote):
    /// its unescaped text and the position after the closing quote.
    private static func quoted(_ bytes: [UInt8], from start: Int, quote: UInt8,
                               backslashEscapes: Bool) -> (String, Int) {
        var text: [UInt8] = []
        var position = start + 1
        while position < bytes.count {
            let byte = bytes[position]
            if backslashEscapes && byte == UInt8(ascii: "\\") && position + 1 < bytes.count {
                text.append(bytes[position + 1])
                position += 2
            } else if byte == quote {
                if next(bytes, position) == quote {
                    text.append(quote)
                    position += 2
                } else {
                    return (String(decoding: text, as: UTF8.self), position + 1)
                }
            } else {
                text.append(byte)
                position += 1
            }
        }
        return (String(decoding: text, as: UTF8.self), bytes.count)
    }

    /// `$tag$ ... $tag$`; nil when the `$` does not open a dollar quote (`$1`).
    private static func endOfDollarQuote(_ bytes: [UInt8], from start: Int) -> Int? {
        var position = start + 1
        while position < bytes.count && bytes[position] != UInt8(ascii: "$") {
            let allowed = position == start + 1 ? isIdentifierStart(bytes[position]) : isIdentifierPart(bytes[position])
            guard allowed else { return nil }
            position += 1
        }
        guard position < bytes.count else { return nil }
        let delimiter = Array(bytes[start...position])
        var search = position + 1
        while search + delimiter.count <= bytes.count {
            if bytes[search] == UInt8(ascii: "$") && bytes[search..<(search + delimiter.count)].elementsEqual(delimiter) {
                return search + delimiter.count
            }
            search += 1
        }
        return bytes.count
    }

    private static func isIdentifierStart(_ byte: UInt8) -> Bool {
        (byte | 0x20) >= UInt8(ascii: "a") && (byte | 0x20) <= UInt8(ascii: "z") || byte == UInt8(ascii: "_") || byte >= 0x80
    }

    private static func isIdentifierPart(_ byte: UInt8) -> Bool {
        isIdentifierStart(byte) || (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")) || byte == UInt8(ascii: "$")
    }
}
