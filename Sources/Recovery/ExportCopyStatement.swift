import ScalpelArchive

/// The `COPY target (columns) FROM stdin;` line that opens a COPY block. pg_dump
/// quoted its names exactly as the server needs them (reserved words, case, odd
/// characters), so `--format sql` and `--format copy` reuse its spellings rather
/// than quote names again.
struct ExportCopyStatement {
    /// The line as the dump wrote it, without its line feed.
    let line: [UInt8]
    /// The target table as written: `public.users`, `"Sales"."Order Items"`.
    let target: String
    private let spellings: [String: String]

    init(line: UnsafeRawBufferPointer, label: @autoclosure () -> String) throws {
        self.line = Array(line)
        var tokens = DefinitionToken.tokens(self.line)[...]
        guard tokens.popFirst()?.isKeyword("copy") == true, let target = tokens.popQualifiedName() else {
            throw ArchiveError(.memberDamaged, "\(label()) does not start with a COPY statement pg_dump would write")
        }
        self.target = target.spelling
        let columns = tokens.first?.isSymbol("(") == true ? tokens.popIdentifierList() ?? [] : []
        spellings = Dictionary(columns.map { ($0.text, $0.spelling) }) { first, _ in first }
    }

    /// The column's name as the COPY line spells it.
    func spelling(of column: String) -> String {
        spellings[column] ?? "\"" + column.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
