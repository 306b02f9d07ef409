import DumpParser
import ScalpelArchive
import Support

/// A table's columns as the `CREATE TABLE` in its archive section declares them.
/// `export` needs only names and types (to write JSON numbers, booleans and arrays),
/// so defaults, constraints and storage options are read past, not understood.
struct TableDefinition: Equatable {
    struct Column: Equatable {
        var name: String
        var type: ColumnType
        /// The type with its modifiers, as `ColumnType.canonicalText` spells it, so
        /// `diff` can tell a retyped column (`varchar(20)` to `varchar(50)`) from the
        /// production catalog's `format_type`.
        var typeText: String
        /// `GENERATED ALWAYS AS (...) STORED`: its values are not in the COPY data.
        var isGenerated: Bool
    }

    var columns: [Column]
    /// Tables whose columns this one has without listing them (`INHERITS (...)`,
    /// `PARTITION OF`): pg_dump declares an inherited column only in its parent.
    var parents: [QualifiedName]

    /// Empty when the text holds no `CREATE TABLE` with a column list (a typed
    /// table, `OF type`, lists none): its values are then written as strings.
    init(parsing sql: [UInt8]) {
        columns = []
        parents = []
        var tokens = [SQLTokenizer.Token](sql)[...]
        while let token = tokens.popFirst(), !token.isKeyword("create") {}
        while let word = tokens.first?.foldedWord, ["unlogged", "temporary", "temp", "global", "local", "foreign"].contains(word) {
            tokens.removeFirst()
        }
        guard tokens.popFirst()?.isKeyword("table") == true else { return }
        if tokens.first?.isKeyword("if") == true { tokens = tokens.dropFirst(3) }
        guard tokens.qualifiedName() != nil else { return }
        if tokens.accept("partition", "of"), let parent = tokens.qualifiedName() { parents.append(parent) }
        guard let elements = Self.popParenthesised(&tokens) else { return }
        columns = Self.split(elements).compactMap(Self.column)
        if tokens.accept("inherits"), let inherited = tokens.list(of: { $0.qualifiedName() }) { parents += inherited }
    }

    /// The columns of `ALTER TABLE ... ADD CONSTRAINT name PRIMARY KEY (a, b)`, the
    /// statement pg_dump writes for every primary key; nil for any other constraint.
    static func primaryKey(parsing sql: [UInt8]) -> [String]? {
        let tokens = [SQLTokenizer.Token](sql)
        guard tokens.first?.isKeyword("alter") == true,
              let primary = tokens.indices.dropLast().first(where: { tokens[$0].isKeyword("primary") && tokens[$0 + 1].isKeyword("key") })
        else { return nil }
        var rest = tokens[(primary + 2)...]
        return rest.identifierList()
    }

    /// The tokens between a `(` at the front and its matching `)`, all consumed.
    private static func popParenthesised(_ tokens: inout ArraySlice<SQLTokenizer.Token>) -> ArraySlice<SQLTokenizer.Token>? {
        guard tokens.first?.isSymbol("(") == true else { return nil }
        var depth = 0
        for index in tokens.indices {
            if tokens[index].isSymbol("(") { depth += 1 }
            if tokens[index].isSymbol(")") { depth -= 1 }
            if depth == 0 {
                let inside = tokens[(tokens.startIndex + 1)..<index]
                tokens = tokens[(index + 1)...]
                return inside
            }
        }
        return nil
    }

    /// Splits at the commas outside parentheses.
    private static func split(_ tokens: ArraySlice<SQLTokenizer.Token>) -> [ArraySlice<SQLTokenizer.Token>] {
        var parts: [ArraySlice<SQLTokenizer.Token>] = []
        var depth = 0
        var start = tokens.startIndex
        for index in tokens.indices {
            if tokens[index].isSymbol("(") { depth += 1 }
            if tokens[index].isSymbol(")") { depth -= 1 }
            if depth == 0 && tokens[index].isSymbol(",") {
                parts.append(tokens[start..<index])
                start = index + 1
            }
        }
        parts.append(tokens[start..<tokens.endIndex])
        return parts
    }

    /// A column definition; nil for a table constraint (`CONSTRAINT name CHECK ...`),
    /// which pg_dump starts with a reserved word it would have quoted in a column name.
    private static func column(_ element: ArraySlice<SQLTokenizer.Token>) -> Column? {
        guard let first = element.first, let name = first.name,
              !(first.isKeyword("constraint") || first.isKeyword("check")) else { return nil }
        let rest = element.dropFirst()
        let typeEnd = ColumnType.end(of: rest)
        let clauses = rest[typeEnd...]
        let generated = clauses.indices.contains { index in
            clauses[index].isKeyword("generated") && index + 3 < clauses.endIndex
                && clauses[index + 1].isKeyword("always") && clauses[index + 2].isKeyword("as") && clauses[index + 3].isSymbol("(")
        }
        return Column(name: name, type: ColumnType(tokens: rest[..<typeEnd]),
                      typeText: ColumnType.canonicalText(rest[..<typeEnd]), isGenerated: generated)
    }
}

/// A type as pg_dump's `format_type` prints it: `integer`, `character varying(20)[]`,
/// `timestamp(3) with time zone`, `public.mood`, `"S"."odd type"[]`.
struct ColumnType: Equatable {
    /// The dot-separated parts, modifiers dropped: `["timestamp with time zone"]`, `["public", "mood"]`.
    var name: [String]
    /// How many `[]` follow the name.
    var dimensions: Int

    /// Where a type's tokens end: at the first word that starts a clause of a column
    /// or domain definition (unless it follows a dot, as in `public.storage`), or `;`.
    static func end(of tokens: ArraySlice<SQLTokenizer.Token>) -> Int {
        tokens.indices.first { index in
            tokens[index].isSymbol(";") || (tokens[index].foldedWord.map(clauseWords.contains) == true
                && !(index > tokens.startIndex && tokens[index - 1].isSymbol(".")))
        } ?? tokens.endIndex
    }

    private static let clauseWords: Set<String> = [
        "collate", "default", "not", "null", "generated", "constraint", "check", "references", "primary", "unique",
        "compression", "storage",
    ]

    init(name: [String], dimensions: Int) {
        self.name = name
        self.dimensions = dimensions
    }

    init(tokens: ArraySlice<SQLTokenizer.Token>) {
        var parts: [String] = []
        var words: [String] = []
        var depth = 0
        var dimensions = 0
        for token in tokens {
            if token.isSymbol("(") || token.isSymbol("[") {
                if token.isSymbol("[") && depth == 0 { dimensions += 1 }
                depth += 1
            } else if token.isSymbol(")") || token.isSymbol("]") {
                depth -= 1
            } else if depth == 0 && token.isSymbol(".") {
                parts.append(words.joined(separator: " "))
                words = []
            } else if depth == 0, let word = token.name {
                words.append(word)
            }
        }
        parts.append(words.joined(separator: " "))
        self.init(name: parts, dimensions: dimensions)
    }

    /// One spelling for one type, whatever the spacing, letter case and quoting of
    /// the SQL it came from: words lower-cased, identifiers quoted only where they
    /// must be, no space around punctuation.
    static func canonicalText(_ tokens: some Collection<SQLTokenizer.Token>) -> String {
        var text = ""
        var previousWasWord = false
        for token in tokens {
            let piece: String
            var isWord = true
            switch token {
            case .word(let word): piece = token.foldedWord ?? word
            case .quoted(let name):
                let plain = name.utf8.allSatisfy { (0x61...0x7A).contains($0) || (0x30...0x39).contains($0) || $0 == 0x5F }
                piece = plain && !name.isEmpty ? name : name.sqlIdentifier
            case .symbol(let byte):
                piece = String(UnicodeScalar(byte))
                isWord = false
            case .string(let value): piece = value.sqlLiteral
            case .metaCommand: continue
            }
            if isWord && (previousWasWord || text.hasSuffix(")") || text.hasSuffix("]")) { text += " " }
            text += piece
            previousWasWord = isWord
        }
        return text
    }

    /// A canonical type text without its modifiers (`character varying(20)` and
    /// `timestamp(3) with time zone` are `character varying` and `timestamp with
    /// time zone`): what decides how values of the type compare and sort.
    static func withoutModifiers(_ canonical: String) -> String {
        var base = ""
        var depth = 0
        for character in canonical {
            if character == "(" { depth += 1 } else if character == ")" { depth -= 1 } else if depth == 0 { base.append(character) }
        }
        return base
    }

    /// The type under `CREATE DOMAIN name AS type ...`.
    static func domainBase(parsing sql: [UInt8]) -> ColumnType? {
        let tokens = [SQLTokenizer.Token](sql)
        guard let create = tokens.firstIndex(where: { $0.isKeyword("create") }),
              create + 1 < tokens.count, tokens[create + 1].isKeyword("domain"),
              let asWord = tokens[create...].firstIndex(where: { $0.isKeyword("as") }) else { return nil }
        let rest = tokens[(asWord + 1)...]
        return ColumnType(tokens: rest[..<end(of: rest)])
    }
}
