import Support

/// Tokens consumed from the front, with lookahead: a statement read lazily from
/// its bytes (`TokenReader`), or tokens already read (an `ArraySlice`, as the
/// recovery code holds a section's). The grammar pieces every reader of pg_dump's
/// SQL shares are written once, over either, so a name reads the same everywhere.
public protocol TokenStream {
    mutating func peek(_ ahead: Int) -> SQLTokenizer.Token?
    @discardableResult mutating func next() -> SQLTokenizer.Token?
}

extension TokenStream {
    /// Consumes the keywords if they all come next, in order.
    public mutating func accept(_ keywords: String...) -> Bool {
        accept(keywords)
    }

    mutating func accept(_ keywords: [String]) -> Bool {
        for (offset, keyword) in keywords.enumerated() {
            guard peek(offset)?.isKeyword(keyword) == true else { return false }
        }
        for _ in keywords { next() }
        return true
    }

    /// The first of `choices` (each a keyword run) that comes next, consumed.
    mutating func accept(oneOf choices: [[String]]) -> [String]? {
        choices.first { accept($0) }
    }

    mutating func accept(symbol: UInt8) -> Bool {
        guard peek(0) == .symbol(symbol) else { return false }
        next()
        return true
    }

    /// One identifier, consumed, as `Token.identifier` reads it.
    public mutating func identifier() -> String? {
        guard let identifier = peek(0)?.identifier else { return nil }
        next()
        return identifier
    }

    /// Reads `ident(.ident)*`.
    mutating func nameParts() -> [String]? {
        guard let first = identifier() else { return nil }
        var parts = [first]
        while peek(0) == .symbol(ASCII.dot), let part = peek(1)?.identifier {
            next()
            next()
            parts.append(part)
        }
        return parts
    }

    /// A possibly schema-qualified name (`s.t`, `"S"."T"`, `db.s.t`), consumed.
    public mutating func qualifiedName() -> QualifiedName? {
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

    /// Reads `(element, element, ...)` when a parenthesis comes next; nil if an
    /// element does not read or the list does not close.
    public mutating func list<Element>(of element: (inout Self) -> Element?) -> [Element]? {
        guard accept(symbol: ASCII.openParen) else { return nil }
        var elements: [Element] = []
        guard !accept(symbol: ASCII.closeParen) else { return elements }
        repeat {
            guard let read = element(&self) else { return nil }
            elements.append(read)
        } while accept(symbol: ASCII.comma)
        return accept(symbol: ASCII.closeParen) ? elements : nil
    }

    /// Reads `(ident, ident, ...)` when a parenthesis comes next.
    public mutating func identifierList() -> [String]? {
        list { $0.identifier() }
    }
}

extension ArraySlice: TokenStream where Element == SQLTokenizer.Token {
    public func peek(_ ahead: Int) -> SQLTokenizer.Token? {
        ahead < count ? self[startIndex + ahead] : nil
    }

    @discardableResult
    public mutating func next() -> SQLTokenizer.Token? {
        popFirst()
    }
}
