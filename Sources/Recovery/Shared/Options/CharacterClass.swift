/// A pattern's `[...]`: characters, ranges (`a-z`) and POSIX classes
/// (`[:digit:]`), `^` first to negate, `]` first or `-` first or last as
/// themselves. Unquoted letters in it fold as the rest of the pattern does, so
/// `[A-Z]` reads as `[a-z]`, as psql reads it.
struct CharacterClass: Sendable {
    private enum Member: Sendable {
        case character(Character)
        case range(Character, Character)
        case named(@Sendable (Character) -> Bool)
    }

    private let negated: Bool
    private let members: [Member]

    private static let named: [String: @Sendable (Character) -> Bool] = [
        "alnum": { $0.isLetter || $0.isNumber },
        "alpha": { $0.isLetter },
        "digit": { $0.isASCII && $0.isNumber },
        "lower": { $0.isLowercase },
        "upper": { $0.isUppercase },
        "space": { $0.isWhitespace },
        "punct": { $0.isPunctuation || $0.isSymbol },
        "xdigit": { $0.isHexDigit },
    ]

    func contains(_ character: Character) -> Bool {
        let member = members.contains { member in
            switch member {
            case .character(let one): one == character
            case .range(let low, let high): low <= character && character <= high
            case .named(let test): test(character)
            }
        }
        return member != negated
    }

    /// Reads what follows a `[` up to its `]`, which it consumes. Scalars are
    /// gathered into Characters before ranges are read, so a combining mark joins
    /// the letter before it as it does in a name.
    init(reading scalars: inout Substring.UnicodeScalarView, in pattern: String) throws {
        negated = scalars.first == "^"
        if negated { scalars.removeFirst() }
        var items: [Member] = []
        var pending = ""
        func flush() {
            items += pending.map(Member.character)
            pending = ""
        }
        var closed = false
        var first = true
        while let scalar = scalars.popFirst() {
            defer { first = false }
            if scalar == "]" && !first {
                closed = true
                break
            }
            guard scalar == "[" && scalars.first == ":" else {
                pending.unicodeScalars.append(NamePattern.folded(scalar))
                continue
            }
            scalars.removeFirst()
            var name = ""
            while let next = scalars.first, !(next == ":" && scalars.dropFirst().first == "]") {
                name.unicodeScalars.append(next)
                scalars.removeFirst()
            }
            guard !scalars.isEmpty else { throw UsageError("unterminated [ in \(pattern)") }
            guard let test = Self.named[name] else {
                throw UsageError("[:\(name):] in \(pattern) is not a character class "
                    + "(alnum, alpha, digit, lower, upper, space, punct or xdigit)")
            }
            scalars.removeFirst(2)
            flush()
            items.append(.named(test))
        }
        guard closed else { throw UsageError("unterminated [ in \(pattern)") }
        flush()
        members = Self.ranges(items)
    }

    /// `a-z` from the characters `a`, `-`, `z`; a `-` with no character on a side is itself.
    private static func ranges(_ items: [Member]) -> [Member] {
        var members: [Member] = []
        var rest = items[...]
        while let item = rest.popFirst() {
            if case .character(let low) = item, rest.count >= 2, case .character("-") = rest[rest.startIndex],
               case .character(let high) = rest[rest.startIndex + 1] {
                members.append(.range(low, high))
                rest.removeFirst(2)
            } else {
                members.append(item)
            }
        }
        return members
    }
}
