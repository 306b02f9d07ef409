import Support

/// A comma-separated option value as the user typed it (`--columns`, a composite
/// `--key`): a double-quoted stretch may hold commas and spaces, `""` inside one is
/// a quote, and spaces around a part are not part of it.
public struct CommaList {
    struct Part: Equatable {
        var text: String
        /// Whether any of it was quoted, which keeps a column name's case.
        var quoted: Bool
    }

    let parts: [Part]

    /// How to write `name` in such a list so that it reads back as itself: in
    /// double quotes when folding to lower case, a comma, a quote or spaces at its
    /// ends would change it.
    static func spelling(_ name: String) -> String {
        let plain = name == name.lowercased() && !name.unicodeScalars.contains { $0 == "," || $0 == "\"" }
            && name.first?.isWhitespace != true && name.last?.isWhitespace != true && !name.isEmpty
        return plain ? name : name.sqlIdentifier
    }

    init(_ value: String, option: String) throws {
        var parts: [Part] = []
        var segments: [(text: String, quoted: Bool)] = [("", false)]
        var quoted = false
        // By Unicode scalar, as `sqlIdentifier` doubles quotes: a quote or comma
        // followed by a combining mark is one Character that is neither.
        var scalars = value.unicodeScalars[...]
        func finish() {
            if !segments[0].quoted { segments[0].text = String(segments[0].text.drop(while: \.isWhitespace)) }
            if !segments[segments.count - 1].quoted {
                segments[segments.count - 1].text = String(segments[segments.count - 1].text.reversed().drop(while: \.isWhitespace).reversed())
            }
            parts.append(Part(text: segments.map(\.text).joined(), quoted: segments.contains { $0.quoted }))
            segments = [("", false)]
        }
        while let scalar = scalars.popFirst() {
            if scalar == "\"" {
                if quoted && scalars.first == "\"" {
                    segments[segments.count - 1].text.unicodeScalars.append(scalars.removeFirst())
                } else {
                    quoted.toggle()
                    segments.append(("", quoted))
                }
            } else if scalar == "," && !quoted {
                finish()
            } else {
                segments[segments.count - 1].text.unicodeScalars.append(scalar)
            }
        }
        guard !quoted else { throw UsageError("\(option) \(value): unterminated quote") }
        finish()
        self.parts = parts
    }

    /// Column names as `--columns` and `--key` take them: separated by commas,
    /// folded to lower case unless double-quoted (`id,"Some Col"`), as psql reads them.
    public static func columnNames(_ text: String, option: String = "--columns") throws -> [String] {
        try CommaList(text, option: option).parts.map { part in
            let name = part.quoted ? part.text : part.text.lowercased()
            guard !name.isEmpty else { throw UsageError("\(option) \(text): an empty column name") }
            return name
        }
    }
}
