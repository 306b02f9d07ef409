/// One part of a `-t` or `-n` pattern (a schema or a name), read as psql's manual
/// ("Patterns") says pg_dump reads it, so a pattern copied from a pg_dump command
/// selects the same tables here:
///
/// - `*` any run of characters, `?` any one, `[...]` one of a class (`[0-9]`,
///   `[^_]`, `[[:digit:]]`); `[]` is the two characters, as psql keeps it for
///   array type names;
/// - double quotes keep what they hold literally, `""` inside them one quote;
/// - unquoted ASCII letters fold to lower case, as PostgreSQL folds an unquoted
///   identifier in a UTF-8 database (other letters are kept);
/// - every other character is itself: `$` as in psql, and the regular-expression
///   operators (`+ | ( ) { } ^ \`) that pg_dump would pass to the server's regex
///   too, rather than a second, partial regex dialect.
struct NamePattern: Sendable {
    enum Piece: Sendable {
        case literal(Character)
        case anyRun
        case anyOne
        case oneOf(CharacterClass)
    }

    let pieces: [Piece]
    /// The part as plain text when it holds no wildcard: `cat` of one table in an
    /// archive of thousands then compares strings, not characters.
    let exactText: String?

    init(_ pieces: [Piece]) {
        self.pieces = pieces
        var text = ""
        for piece in pieces {
            guard case .literal(let character) = piece else {
                exactText = nil
                return
            }
            text.append(character)
        }
        exactText = text
    }

    var isEmpty: Bool { pieces.isEmpty }

    /// By Character, as names compare; in time proportional to the pattern's
    /// length times the name's, whatever the number of `*`.
    func matches(_ name: String) -> Bool {
        if let exactText { return name == exactText }
        let text = Array(name)
        var reachable = [true] + Array(repeating: false, count: text.count)
        for piece in pieces {
            var next = Array(repeating: false, count: text.count + 1)
            for end in 0...text.count {
                switch piece {
                case .anyRun:
                    next[end] = reachable[end] || (end > 0 && next[end - 1])
                case .anyOne:
                    next[end] = end > 0 && reachable[end - 1]
                case .literal(let character):
                    next[end] = end > 0 && reachable[end - 1] && text[end - 1] == character
                case .oneOf(let characterClass):
                    next[end] = end > 0 && reachable[end - 1] && characterClass.contains(text[end - 1])
                }
            }
            reachable = next
        }
        return reachable[text.count]
    }

    /// The dot-separated parts of `text`. Quotes are read by Unicode scalar, as
    /// `sqlIdentifier` doubles them: a quote followed by a combining mark is one
    /// Character that is not a quote. Literal text is then split into Characters,
    /// so a combining mark after a quote joins the character before it.
    static func parts(of text: String) throws -> [NamePattern] {
        var parts: [[Piece]] = [[]]
        var literal = ""
        func endLiteral() {
            parts[parts.count - 1] += literal.map(Piece.literal)
            literal = ""
        }
        func append(_ piece: Piece) {
            endLiteral()
            parts[parts.count - 1].append(piece)
        }
        var quoted = false
        var scalars = text.unicodeScalars[...]
        while let scalar = scalars.popFirst() {
            switch scalar {
            case "\"":
                if quoted && scalars.first == "\"" {
                    scalars.removeFirst()
                    literal.unicodeScalars.append(scalar)
                } else {
                    quoted.toggle()
                }
            case _ where quoted:
                literal.unicodeScalars.append(scalar)
            case ".":
                endLiteral()
                parts.append([])
            case "*":
                append(.anyRun)
            case "?":
                append(.anyOne)
            case "[" where scalars.first != "]":
                append(.oneOf(try CharacterClass(reading: &scalars, in: text)))
            default:
                literal.unicodeScalars.append(folded(scalar))
            }
        }
        endLiteral()
        guard !quoted else { throw UsageError("unterminated quote in \(text)") }
        return parts.map(NamePattern.init)
    }

    static func folded(_ scalar: Unicode.Scalar) -> Unicode.Scalar {
        ("A"..."Z").contains(scalar) ? Unicode.Scalar(UInt8(scalar.value + 32)) : scalar
    }
}
