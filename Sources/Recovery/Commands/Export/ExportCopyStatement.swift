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
        var reader = TokenReader(line)
        guard reader.accept("copy"), let target = reader.spelled({ $0.qualifiedName() }) else {
            throw ArchiveError(.memberDamaged, "\(label()) does not start with a COPY statement pg_dump would write")
        }
        self.target = target.text
        let columns = reader.list { rest in rest.spelled { $0.identifier() } } ?? []
        spellings = Dictionary(columns.map { ($0.value, $0.text) }) { first, _ in first }
    }

    /// The column's name as the COPY line spells it.
    func spelling(of column: String) -> String {
        spellings[column] ?? column.sqlIdentifier
    }
}
