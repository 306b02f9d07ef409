import Support

/// Collects what the statements of the open section say, until its end is known.
struct SectionBuilder: Sendable {
    let kind: DumpSection.Kind
    let offset: UInt64
    let header: TOCHeader?
    private var object: QualifiedName?
    private var table: QualifiedName?
    private var copyTarget: QualifiedName?
    private var copyColumns: [String]?
    private var rows: UInt64?
    /// The first table that COPY or INSERT loads.
    private var dataTarget: QualifiedName?
    private var statementsAfterCopy = 0

    init(kind: DumpSection.Kind, offset: UInt64, header: TOCHeader? = nil) {
        self.kind = kind
        self.offset = offset
        self.header = header
    }

    /// The first statement that names anything decides the section's object
    /// and table: later ones (`ALTER ... OWNER TO`, grants) only repeat it.
    mutating func note(_ facts: StatementFacts) {
        guard kind == .entry else { return }
        if copyTarget != nil { statementsAfterCopy += 1 }
        switch facts.kind {
        case let .copy(command) where copyTarget == nil && command.fromStdin:
            copyTarget = command.target
            copyColumns = command.columns
            dataTarget = dataTarget ?? command.target
        case .insert:
            dataTarget = dataTarget ?? facts.table
        default:
            break
        }
        if object == nil && table == nil {
            object = facts.object
            table = facts.table
        }
    }

    /// Whether statements can still tell something beyond a COPY command:
    /// the prologue's settings, or an entry's object.
    var wantsFacts: Bool {
        switch kind {
        case .prologue: true
        case .entry: object == nil && table == nil
        case .epilogue: false
        }
    }

    mutating func addRows(_ count: UInt64) {
        rows = (rows ?? 0) + count
    }

    func build(length: UInt64) -> DumpSection {
        DumpSection(
            kind: kind, offset: offset, length: length, header: header, object: object, table: dataTable ?? table,
            copyTarget: copyTarget, copyColumns: copyColumns, rows: rows, statementsAfterCopy: statementsAfterCopy
        )
    }

    /// The table a data entry fills. With `--load-via-partition-root` COPY
    /// loads the root while the entry is the leaf's, and the header is the
    /// only place naming the leaf; the statements' own (unsanitised) name is
    /// preferred whenever it is the one the header names.
    private var dataTable: QualifiedName? {
        guard let header, header.isData, let dataTarget else { return nil }
        let leaf = QualifiedName(schema: header.schema, name: header.name)
        return [table, dataTarget].compactMap { $0 }.first { $0.headerSpelling == leaf } ?? leaf
    }
}
