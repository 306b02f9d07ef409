import Support

/// What the scanner reports while the stream goes by.
public enum DumpEvent: Sendable, Equatable {
    /// A section starts at `offset`; reported as soon as no later byte can move it.
    case sectionStarted(offset: UInt64)
    /// A section is complete, with everything learnt from its statements.
    case sectionEnded(DumpSection)
}

/// One slice of the dump. Sections tile the stream: each starts where the
/// previous one ended, the first at 0, the last at the end of the stream.
public struct DumpSection: Sendable, Equatable {
    public enum Kind: Sendable, Equatable {
        /// Everything before the first TOC entry: banner, `\restrict`, session settings.
        case prologue
        /// One TOC entry, with the settings pg_dump emits just before its header.
        case entry
        /// The `dump complete` block with the `-- Completed on` line before it
        /// and the `\unrestrict` after it.
        case epilogue
    }

    public var kind: Kind
    public var offset: UInt64
    public var length: UInt64
    /// Nil for the prologue and the epilogue.
    public var header: TOCHeader?
    /// The object the entry's first naming statement creates or sets: the
    /// table, index, constraint (qualified with its table's schema), sequence,
    /// function (without arguments), large object (its OID as name), the table
    /// COPY or INSERT loads, ... For TABLE ATTACH and INDEX ATTACH it is the
    /// partitioned parent, the object that the statement alters. Nil when no
    /// statement of the entry has a shape the scanner knows.
    public var object: QualifiedName?
    /// The relation (table, view, materialized view, foreign table) the entry
    /// belongs to: the table an index, constraint, trigger, policy, rule,
    /// default, comment or grant is on; the table owning a sequence; the leaf
    /// partition of TABLE DATA and TABLE ATTACH.
    public var table: QualifiedName?
    /// TABLE DATA: the table `COPY` loads, which is the partition root when the
    /// dump was made with `--load-via-partition-root`.
    public var copyTarget: QualifiedName?
    /// TABLE DATA: the columns `COPY` lists, unquoted; nil when the COPY lists
    /// none (a table without columns, or with only generated ones).
    public var copyColumns: [String]?
    /// TABLE DATA: the number of data lines between `COPY` and `\.`; nil for
    /// `--inserts` dumps, where one INSERT may hold many rows.
    public var rows: UInt64?
    /// Statements after the COPY data's `\.` in the same entry. pg_dump writes none,
    /// so any (a second COPY, a `DROP TABLE`) were put there by an edit, and a reader
    /// that takes the section for one COPY block would pass them on unseen.
    public var statementsAfterCopy: Int

    public init(
        kind: Kind, offset: UInt64, length: UInt64, header: TOCHeader? = nil, object: QualifiedName? = nil,
        table: QualifiedName? = nil, copyTarget: QualifiedName? = nil, copyColumns: [String]? = nil,
        rows: UInt64? = nil, statementsAfterCopy: Int = 0
    ) {
        self.kind = kind
        self.offset = offset
        self.length = length
        self.header = header
        self.object = object
        self.table = table
        self.copyTarget = copyTarget
        self.copyColumns = copyColumns
        self.rows = rows
        self.statementsAfterCopy = statementsAfterCopy
    }
}
