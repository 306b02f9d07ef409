/// The one tokenizer for pg_dump's SQL: the statement analyser reads a statement
/// with it, `restore` whole sections. Lazy, so a statement is read only as far as
/// its leading words decide anything: the megabytes of a `lowrite` literal are
/// never decoded.
public struct SQLTokenizer {
    public enum Token: Equatable, Sendable {
        /// An unquoted identifier, keyword or number, as written.
        case word(String)
        /// A `"..."` identifier, unquoted.
        case quoted(String)
        /// A string literal's value (standard, `E''` or dollar-quoted).
        case string(String)
        /// Any other single byte: punctuation and operator characters.
        case symbol(UInt8)
        /// A line that starts with a backslash: a psql meta-command (`\restrict KEY`),
        /// which is not SQL. pg_dump writes them only at the start of a line.
        case metaCommand

        /// Case-insensitive match of an unquoted word.
        public func isKeyword(_ keyword: String) -> Bool {
            guard case let .word(text) = self else { return false }
            return text.utf8.count == keyword.utf8.count
                && zip(text.utf8, keyword.utf8).allSatisfy { ASCII.lowercased($0) == ASCII.lowercased($1) }
        }

        public static var semicolon: Self { .symbol(ASCII.semicolon) }

        public func isSymbol(_ symbol: Unicode.Scalar) -> Bool {
            self == .symbol(UInt8(ascii: symbol))
        }

        /// The identifier as written, a quoted one unquoted, or a number (a large
        /// object's OID): what the grammar reads where pg_dump writes a name, as
        /// the index records it. pg_dump quotes every name the server would fold.
        public var identifier: String? {
            switch self {
            case let .word(text), let .quoted(text): text
            case .string, .symbol, .metaCommand: nil
            }
        }

        /// An unquoted word folded to lower case, as the server folds it. Nil for
        /// numbers too, which the tokenizer reads as words but which name nothing.
        public var foldedWord: String? {
            guard case let .word(text) = self, let first = text.utf8.first, !ASCII.isDigit(first) else { return nil }
            return String(decoding: text.utf8.map(ASCII.lowercased), as: UTF8.self)
        }

        /// The object name this token is, if it can be one, as the server reads it:
        /// unquoted words folded, numbers naming nothing.
        public var name: String? {
            if case let .quoted(text) = self { return text }
            return foldedWord
        }
    }

    private let bytes: [UInt8]
    private var index: Int
    private let end: Int
    /// Nothing but whitespace since the start or the last line feed.
    private var atLineStart = true

    public init(_ bytes: [UInt8]) {
        self.bytes = bytes
        self.index = 0
        self.end = bytes.count
    }

    /// Where the last token returned by `next()` starts; it ends at `position`.
    /// Statements are cut from the original bytes there, comments and all.
    public private(set) var tokenStart = 0
    public var position: Int { index }

    public mutating func next() -> Token? {
        skipSpaceAndComments()
        tokenStart = index
        guard index < end else { return nil }
        let byte = bytes[index]
        let startsLine = atLineStart
        atLineStart = false
        if byte == ASCII.backslash, startsLine {
            skipLine()
            return .metaCommand
        }
        if byte == ASCII.singleQuote {
            return .string(quoted(closing: ASCII.singleQuote, escapes: false))
        }
        if byte == ASCII.doubleQuote {
            return .quoted(quoted(closing: ASCII.doubleQuote, escapes: false))
        }
        if (byte | 0x20) == 0x65, index + 1 < end, bytes[index + 1] == ASCII.singleQuote {
            index += 1
            return .string(quoted(closing: ASCII.singleQuote, escapes: true))
        }
        if byte == ASCII.dollar, let body = dollarQuoted() {
            return .string(body)
        }
        if ASCII.isWordByte(byte) {
            let start = index
            while index < end, ASCII.isWordByte(bytes[index]) || bytes[index] == ASCII.dollar { index += 1 }
            return .word(String(decoding: bytes[start..<index], as: UTF8.self))
        }
        index += 1
        return .symbol(byte)
    }

    private mutating func skipSpaceAndComments() {
        while index < end {
            let byte = bytes[index]
            if ASCII.isSpace(byte) {
                if byte == ASCII.newline { atLineStart = true }
                index += 1
            } else if byte == ASCII.dash, index + 1 < end, bytes[index + 1] == ASCII.dash {
                skipLine()
            } else if byte == ASCII.slash, index + 1 < end, bytes[index + 1] == ASCII.star {
                skipBlockComment()
                atLineStart = false
            } else {
                return
            }
        }
    }

    /// Up to the line feed, which is left to mark the next line's start.
    private mutating func skipLine() {
        while index < end, bytes[index] != ASCII.newline { index += 1 }
    }

    private mutating func skipBlockComment() {
        var depth = 0
        while index < end {
            if bytes[index] == ASCII.slash, index + 1 < end, bytes[index + 1] == ASCII.star {
                depth += 1
                index += 2
            } else if bytes[index] == ASCII.star, index + 1 < end, bytes[index + 1] == ASCII.slash {
                depth -= 1
                index += 2
                if depth == 0 { return }
            } else {
                index += 1
            }
        }
    }

    /// Reads a quoted token whose opening quote is at `index`; a doubled quote
    /// stands for itself, and in `E''` strings a backslash escapes.
    private mutating func quoted(closing: UInt8, escapes: Bool) -> String {
        var value: [UInt8] = []
        index += 1
        while index < end {
            let byte = bytes[index]
            index += 1
            if byte == closing {
                guard index < end, bytes[index] == closing else { break }
                index += 1
            } else if escapes, byte == ASCII.backslash, index < end {
                value.append(Self.unescaped(bytes[index]))
                index += 1
                continue
            }
            value.append(byte)
        }
        return String(decoding: value, as: UTF8.self)
    }

    private static func unescaped(_ byte: UInt8) -> UInt8 {
        switch byte {
        case UInt8(ascii: "b"): 0x08
        case UInt8(ascii: "f"): 0x0C
        case UInt8(ascii: "n"): 0x0A
        case UInt8(ascii: "r"): 0x0D
        case UInt8(ascii: "t"): 0x09
        default: byte
        }
    }

    /// Reads `$tag$...$tag$` at `index`, or returns nil (leaving `index`) when
    /// the `$` does not open a dollar quote.
    private mutating func dollarQuoted() -> String? {
        var cursor = index + 1
        while cursor < end, bytes[cursor] != ASCII.dollar {
            guard ASCII.isWordByte(bytes[cursor]), !(cursor == index + 1 && ASCII.isDigit(bytes[cursor])) else {
                return nil
            }
            cursor += 1
        }
        guard cursor < end else { return nil }
        let delimiter = bytes[index...cursor]
        let bodyStart = cursor + 1
        var search = bodyStart
        while search + delimiter.count <= end {
            if bytes[search] == ASCII.dollar, bytes[search..<search + delimiter.count].elementsEqual(delimiter) {
                index = search + delimiter.count
                return String(decoding: bytes[bodyStart..<search], as: UTF8.self)
            }
            search += 1
        }
        index = end
        return String(decoding: bytes[bodyStart..<end], as: UTF8.self)
    }
}
