import ScalpelArchive
import Support

/// A `-t` argument as pg_dump reads one: `name` or `schema.name`, double quotes
/// keeping case, dots and spaces (`"My Schema"."Odd.Name"`), `*` and `?` as wildcards
/// outside quotes, unquoted letters folded to lower case.
public struct TablePattern: Sendable, CustomStringConvertible {
    public let description: String
    private let schema: [Piece]?
    private let name: [Piece]
    /// The name and schema as plain text when they hold no wildcard: `cat` of one
    /// table in an archive of thousands then compares strings, not characters.
    private let exactSchema: String?
    private let exactName: String?

    enum Piece: Equatable, Sendable {
        case literal(Character)
        case anyRun
        case anyOne
    }

    /// Quotes are read by Unicode scalar, as `sqlIdentifier` doubles them: a quote
    /// followed by a combining mark is one Character that is not a quote. The
    /// literal text between them is then matched by Character, as names compare.
    public init(_ text: String) throws {
        description = text
        var parts: [[Piece]] = [[]]
        var literal = ""
        func endLiteral() {
            parts[parts.count - 1] += literal.map(Piece.literal)
            literal = ""
        }
        var quoted = false
        var scalars = text.unicodeScalars[...]
        while let scalar = scalars.popFirst() {
            if scalar == "\"" {
                if quoted && scalars.first == "\"" {
                    scalars.removeFirst()
                    literal.unicodeScalars.append(scalar)
                } else {
                    quoted.toggle()
                }
            } else if quoted {
                literal.unicodeScalars.append(scalar)
            } else if scalar == "." {
                endLiteral()
                parts.append([])
            } else if scalar == "*" {
                endLiteral()
                parts[parts.count - 1].append(.anyRun)
            } else if scalar == "?" {
                endLiteral()
                parts[parts.count - 1].append(.anyOne)
            } else {
                literal += String(scalar).lowercased()
            }
        }
        endLiteral()
        guard !quoted else { throw UsageError("unterminated quote in table name \(text)") }
        guard parts.count <= 2, !(parts.last ?? []).isEmpty else {
            throw UsageError("\(text) is not a table name (expected NAME or SCHEMA.NAME)")
        }
        schema = parts.count == 2 ? parts[0] : nil
        name = parts[parts.count - 1]
        exactSchema = schema.flatMap(Self.literalText)
        exactName = Self.literalText(name)
    }

    public func matches(_ table: QualifiedName) -> Bool {
        if let exactSchema {
            guard (table.schema ?? "") == exactSchema else { return false }
        } else if let schema, !Self.match(schema, Array(table.schema ?? "")[...]) {
            return false
        }
        if let exactName { return table.name == exactName }
        return Self.match(name, Array(table.name)[...])
    }

    private static func literalText(_ pattern: [Piece]) -> String? {
        var text = ""
        for piece in pattern {
            guard case .literal(let character) = piece else { return nil }
            text.append(character)
        }
        return text
    }

    private static func match(_ pattern: [Piece], _ text: ArraySlice<Character>) -> Bool {
        guard let first = pattern.first else { return text.isEmpty }
        let rest = Array(pattern.dropFirst())
        switch first {
        case .literal(let character):
            return text.first == character && match(rest, text.dropFirst())
        case .anyOne:
            return !text.isEmpty && match(rest, text.dropFirst())
        case .anyRun:
            return (0...text.count).contains { match(rest, text.dropFirst($0)) }
        }
    }
}

extension TablePattern {
    /// The pattern that matches only `table`, whatever characters its name holds:
    /// a pattern reads double quotes as SQL does.
    init(exactly table: QualifiedName) throws {
        try self.init(table.sqlIdentifier)
    }
}

/// A mistake in what the user typed: the CLI prints it as one line and exits 2.
public struct UsageError: Error, CustomStringConvertible, Sendable {
    public let description: String
    public init(_ description: String) { self.description = description }
}
