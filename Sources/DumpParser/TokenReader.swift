import Support

/// Lookahead over a statement's tokens, with the small grammar pieces every
/// statement shape shares: keyword runs, dotted names, parenthesised lists.
struct TokenReader {
    typealias Token = SQLTokenizer.Token

    let bytes: [UInt8]
    private var tokenizer: SQLTokenizer
    private var buffered: [(token: Token, range: Range<Int>)] = []
    /// The first buffered token not yet consumed.
    private var head = 0

    init(_ bytes: [UInt8]) {
        self.bytes = bytes
        self.tokenizer = SQLTokenizer(bytes)
    }

    mutating func peek(_ ahead: Int = 0) -> Token? {
        fill(ahead + 1)
        return head + ahead < buffered.count ? buffered[head + ahead].token : nil
    }

    /// The byte range of the token `ahead` positions on.
    mutating func range(_ ahead: Int = 0) -> Range<Int>? {
        fill(ahead + 1)
        return head + ahead < buffered.count ? buffered[head + ahead].range : nil
    }

    @discardableResult
    mutating func next() -> Token? {
        fill(1)
        guard head < buffered.count else { return nil }
        head += 1
        return buffered[head - 1].token
    }

    /// Consumes the keywords if they all come next, in order.
    mutating func accept(_ keywords: String...) -> Bool {
        accept(keywords)
    }

    mutating func accept(_ keywords: [String]) -> Bool {
        for (offset, keyword) in keywords.enumerated() {
            guard peek(offset)?.isKeyword(keyword) == true else { return false }
        }
        head += keywords.count
        return true
    }

    /// The first of `choices` (each a keyword run) that comes next, consumed.
    mutating func accept(oneOf choices: [[String]]) -> [String]? {
        choices.first { accept($0) }
    }

    mutating func accept(symbol: UInt8) -> Bool {
        guard peek() == .symbol(symbol) else { return false }
        next()
        return true
    }

    /// Reads `ident(.ident)*`: quoted parts unquoted, unquoted ones as written.
    mutating func nameParts() -> [String]? {
        guard let first = peek()?.identifier else { return nil }
        next()
        var parts = [first]
        while peek() == .symbol(ASCII.dot), let part = peek(1)?.identifier {
            next()
            next()
            parts.append(part)
        }
        return parts
    }

    mutating func qualifiedName() -> QualifiedName? {
        nameParts().flatMap(QualifiedName.init(parts:))
    }

    /// Skips tokens until the keyword, outside parentheses; consumes it.
    mutating func skip(toKeyword keyword: String) -> Bool {
        var depth = 0
        while let token = next() {
            switch token {
            case .symbol(ASCII.openParen): depth += 1
            case .symbol(ASCII.closeParen): depth -= 1
            default: if depth == 0 && token.isKeyword(keyword) { return true }
            }
        }
        return false
    }

    /// Reads `(ident, ident, ...)` when a parenthesis comes next.
    mutating func identifierList() -> [String]? {
        guard accept(symbol: ASCII.openParen) else { return nil }
        var names: [String] = []
        while let name = peek()?.identifier {
            next()
            names.append(name)
            guard accept(symbol: ASCII.comma) else { break }
        }
        return accept(symbol: ASCII.closeParen) ? names : nil
    }

    private mutating func fill(_ count: Int) {
        while buffered.count - head < count, let token = tokenizer.next() {
            buffered.append((token, tokenizer.tokenStart..<tokenizer.position))
        }
    }
}
