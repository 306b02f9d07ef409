/// Follows SQL text byte by byte, across chunk boundaries, to find where a
/// statement ends: a semicolon outside strings, quoted identifiers, dollar
/// quotes, comments and parentheses, and outside the `BEGIN ATOMIC ... END`
/// body of a SQL-standard routine. These are psql's own rules, and psql is
/// what runs the dump, so they are what decides where statements end.
/// Quoted text is skipped with memchr, so megabyte-long `lowrite` literals
/// cost little.
struct SQLLexer: Sendable {
    enum State: Sendable, Equatable {
        case code
        /// A `-` in code: a comment if another follows.
        case dash
        /// A `/` in code: a comment if `*` follows.
        case slash
        case lineComment
        case blockComment
        case blockStar
        case blockSlash
        case string
        /// A `'` inside a string: its end, or half of a doubled quote.
        case stringQuote
        /// An `E'...'` string, where backslash escapes the next byte.
        case escapeString
        case escapeStringBackslash
        case escapeStringQuote
        case identifier
        case identifierQuote
        /// A `$` in code, reading what may be a dollar-quote tag.
        case dollarOpening
        case dollarBody
        /// A `$` inside a dollar quote, matching the closing tag.
        case dollarClosing
    }

    enum Outcome: Equatable {
        case needsMore
        /// The statement's semicolon was at `next - 1`.
        case statementEnded(next: Int)
        /// A line ended and everything since the start was whitespace or
        /// comments: there was no statement after all.
        case nothingButComments(next: Int)
    }

    /// Recognises `CREATE [OR REPLACE] FUNCTION|PROCEDURE` from the first words,
    /// the only statements whose bodies may hold bare semicolons.
    private enum RoutineDetection: Sendable {
        case start, afterCreate, afterOr, afterReplace, routine, other
    }

    private var state = State.code
    /// Something other than whitespace and comments has been seen.
    private(set) var hasContent = false
    /// Where the quote or comment that is still open began.
    private(set) var openedAt: UInt64 = 0
    private var commentDepth = 0
    private var tag: [UInt8] = []
    private var tagMatched = 0
    private var word = PackedWord()
    private var routine = RoutineDetection.start
    private var parenDepth = 0
    private var atomicDepth = 0

    /// The literal left open, if the text ended now.
    var openLiteral: DumpError.Literal? {
        switch state {
        case .code, .dash, .slash, .lineComment, .stringQuote, .escapeStringQuote, .identifierQuote, .dollarOpening:
            return nil
        case .blockComment, .blockStar, .blockSlash:
            return .blockComment
        case .string, .escapeString, .escapeStringBackslash:
            return .string
        case .identifier:
            return .identifier
        case .dollarBody, .dollarClosing:
            return .dollarQuoted
        }
    }

    mutating func reset() {
        state = .code
        hasContent = false
        word = PackedWord()
        routine = .start
        parenDepth = 0
        atomicDepth = 0
    }

    /// Starts with a `-` that was read before the lexer took over.
    mutating func resetAfterDash() {
        reset()
        state = .dash
    }

    /// Reads from `start`; `base` is the stream offset of `buffer[0]`.
    mutating func scan(_ buffer: UnsafeRawBufferPointer, from start: Int, base: UInt64) -> Outcome {
        var i = start
        let count = buffer.count
        while i < count {
            let byte = buffer[i]
            switch state {
            case .code:
                if ASCII.isWordByte(byte) || (byte == ASCII.dollar && word.length > 0) {
                    word.append(byte)
                    hasContent = true
                    i += 1
                    continue
                }
                let afterE = word.length == 1 && word.packed == 0x65
                if word.length > 0 { endWord() }
                switch byte {
                case ASCII.semicolon:
                    hasContent = true
                    if parenDepth == 0 && atomicDepth == 0 { return .statementEnded(next: i + 1) }
                case ASCII.openParen:
                    hasContent = true
                    parenDepth += 1
                case ASCII.closeParen:
                    hasContent = true
                    if parenDepth > 0 { parenDepth -= 1 }
                case ASCII.newline:
                    if !hasContent { return .nothingButComments(next: i + 1) }
                case ASCII.space, ASCII.tab, ASCII.carriageReturn, ASCII.formFeed:
                    break
                case ASCII.dash:
                    state = .dash
                case ASCII.slash:
                    state = .slash
                case ASCII.singleQuote:
                    open(afterE ? .escapeString : .string, at: base + UInt64(i))
                case ASCII.doubleQuote:
                    open(.identifier, at: base + UInt64(i))
                case ASCII.dollar:
                    open(.dollarOpening, at: base + UInt64(i))
                    tag.removeAll(keepingCapacity: true)
                default:
                    hasContent = true
                }
            case .dash:
                if byte == ASCII.dash {
                    state = .lineComment
                } else {
                    hasContent = true
                    state = .code
                    continue
                }
            case .slash:
                if byte == ASCII.star {
                    state = .blockComment
                    commentDepth = 1
                    openedAt = base + UInt64(i) - 1
                } else {
                    hasContent = true
                    state = .code
                    continue
                }
            case .lineComment:
                guard let end = buffer.index(of: ASCII.newline, from: i) else { return .needsMore }
                state = .code
                i = end
                continue
            case .blockComment:
                if byte == ASCII.star {
                    state = .blockStar
                } else if byte == ASCII.slash {
                    state = .blockSlash
                }
            case .blockStar:
                if byte == ASCII.slash {
                    commentDepth -= 1
                    state = commentDepth == 0 ? .code : .blockComment
                } else if byte != ASCII.star {
                    state = .blockComment
                }
            case .blockSlash:
                if byte == ASCII.star {
                    commentDepth += 1
                    state = .blockComment
                } else if byte != ASCII.slash {
                    state = .blockComment
                }
            case .string:
                guard let end = buffer.index(of: ASCII.singleQuote, from: i) else { return .needsMore }
                state = .stringQuote
                i = end
            case .stringQuote:
                if byte == ASCII.singleQuote {
                    state = .string
                } else {
                    state = .code
                    continue
                }
            case .escapeString:
                if byte == ASCII.backslash {
                    state = .escapeStringBackslash
                } else if byte == ASCII.singleQuote {
                    state = .escapeStringQuote
                }
            case .escapeStringBackslash:
                state = .escapeString
            case .escapeStringQuote:
                if byte == ASCII.singleQuote {
                    state = .escapeString
                } else {
                    state = .code
                    continue
                }
            case .identifier:
                guard let end = buffer.index(of: ASCII.doubleQuote, from: i) else { return .needsMore }
                state = .identifierQuote
                i = end
            case .identifierQuote:
                if byte == ASCII.doubleQuote {
                    state = .identifier
                } else {
                    state = .code
                    continue
                }
            case .dollarOpening:
                if byte == ASCII.dollar {
                    state = .dollarBody
                } else if ASCII.isWordByte(byte) && !(tag.isEmpty && ASCII.isDigit(byte)) {
                    tag.append(byte)
                } else {
                    // `$1` or a lone `$`: not a dollar quote.
                    state = .code
                    continue
                }
            case .dollarBody:
                guard let end = buffer.index(of: ASCII.dollar, from: i) else { return .needsMore }
                state = .dollarClosing
                tagMatched = 0
                i = end
            case .dollarClosing:
                if tagMatched < tag.count && byte == tag[tagMatched] {
                    tagMatched += 1
                } else if tagMatched == tag.count && byte == ASCII.dollar {
                    state = .code
                } else if byte == ASCII.dollar {
                    tagMatched = 0
                } else {
                    state = .dollarBody
                }
            }
            i += 1
        }
        return .needsMore
    }

    private mutating func open(_ literal: State, at offset: UInt64) {
        hasContent = true
        state = literal
        openedAt = offset
    }

    private mutating func endWord() {
        switch routine {
        case .start:
            routine = word == .create ? .afterCreate : .other
        case .afterCreate:
            routine = word == .or ? .afterOr : word == .function || word == .procedure ? .routine : .other
        case .afterOr:
            routine = word == .replace ? .afterReplace : .other
        case .afterReplace:
            routine = word == .function || word == .procedure ? .routine : .other
        case .routine where parenDepth == 0:
            // A parameter may be called `begin` unquoted (it is not a reserved
            // word), hence depth 0 only; CASE counts only inside a body.
            if word == .begin || (word == .case && atomicDepth > 0) {
                atomicDepth += 1
            } else if word == .end && atomicDepth > 0 {
                atomicDepth -= 1
            }
        case .routine:
            break
        case .other:
            break
        }
        word = PackedWord()
    }
}

/// A word's length and its first eight bytes, lowercased, in one integer:
/// enough to tell the handful of keywords the lexer cares about without
/// allocating.
struct PackedWord: Equatable, Sendable {
    private(set) var length = 0
    private(set) var packed: UInt64 = 0

    init() {}

    init(_ text: StaticString) {
        text.withUTF8Buffer { $0.forEach { append($0) } }
    }

    mutating func append(_ byte: UInt8) {
        if length < 8 { packed = packed << 8 | UInt64(ASCII.lowercased(byte)) }
        length += 1
    }

    static let create = PackedWord("create")
    static let or = PackedWord("or")
    static let replace = PackedWord("replace")
    static let function = PackedWord("function")
    static let procedure = PackedWord("procedure")
    static let begin = PackedWord("begin")
    static let `case` = PackedWord("case")
    static let end = PackedWord("end")
}
