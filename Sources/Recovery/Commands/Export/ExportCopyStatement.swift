import DumpParser
import ScalpelArchive
import Support

/// The `COPY target (columns) FROM stdin;` statement that opens a COPY block. pg_dump
/// quoted its names exactly as the server needs them (reserved words, case, odd
/// characters), so `--format sql` and `--format copy` reuse its spellings rather
/// than quote names again.
struct ExportCopyStatement {
    /// The statement as the dump wrote it.
    let line: [UInt8]
    /// The target table as written: `public.users`, `"Sales"."Order Items"`.
    let target: String
    private let spellings: [String: String]

    init(line: [UInt8], label: @autoclosure () -> String) throws {
        self.line = line
        var tokenizer = SQLTokenizer(line)
        var tokens: [SQLTokenizer.Token] = []
        var ranges: [Range<Int>] = []
        while let token = tokenizer.next() {
            tokens.append(token)
            ranges.append(tokenizer.tokenStart..<tokenizer.position)
        }
        func spelling(_ tokens: Range<Int>) -> String {
            String(decoding: line[ranges[tokens.lowerBound].lowerBound..<ranges[tokens.upperBound - 1].upperBound], as: UTF8.self)
        }
        var rest = tokens[...]
        guard rest.popFirst()?.isKeyword("copy") == true, rest.popQualifiedName() != nil else {
            throw ArchiveError(.memberDamaged, "\(label()) does not start with a COPY statement pg_dump would write")
        }
        target = spelling(1..<rest.startIndex)
        let columns = rest.first?.isSymbol("(") == true ? rest.popNameList() ?? [] : []
        spellings = Dictionary(columns.map { (tokens[$0].name!, spelling($0..<$0 + 1)) }) { first, _ in first }
    }

    /// The column's name as the COPY line spells it.
    func spelling(of column: String) -> String {
        spellings[column] ?? column.sqlIdentifier
    }
}
