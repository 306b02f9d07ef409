import Support

/// Why a dump cannot be indexed as complete. Every case means the input was
/// cut short or is not pg_dump plain output: restoring from it would fail or
/// silently lose rows.
public enum DumpError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The stream ended between `COPY ... FROM stdin;` and its `\.` line.
    case endsInsideCopy(table: QualifiedName?, copyOffset: UInt64, rowsRead: UInt64)
    /// The stream ended inside a quoted string, quoted identifier,
    /// dollar-quoted string or block comment that opened at `offset`.
    case unterminatedLiteral(Literal, offset: UInt64)
    /// The stream ended inside a statement (no closing `;`) that started at `offset`.
    case unterminatedStatement(offset: UInt64)
    /// The stream ended without the `-- PostgreSQL database dump complete` block.
    case missingEpilogue(streamLength: UInt64)
    /// A COPY data line of the block at `copyOffset` has another number of fields
    /// than the COPY names columns: row `row` (from 1) has `fields`.
    case malformedRow(table: QualifiedName?, copyOffset: UInt64, row: UInt64, fields: Int, columns: Int)
    /// The stream is pg_dumpall's output, not one database's pg_dump.
    case clusterDump

    public enum Literal: String, Sendable {
        case string = "quoted string"
        case identifier = "quoted identifier"
        case dollarQuoted = "dollar-quoted string"
        case blockComment = "block comment"
    }

    public var description: String {
        switch self {
        case let .endsInsideCopy(table, offset, rows):
            let target = table.map { " for \($0)" } ?? ""
            return "the dump ends inside the COPY data\(target) that starts at byte \(offset), "
                + "after \(rows) complete rows and before its \\. line: the dump is truncated"
        case let .unterminatedLiteral(literal, offset):
            return "the dump ends inside a \(literal.rawValue) opened at byte \(offset): the dump is truncated"
        case let .unterminatedStatement(offset):
            return "the dump ends inside the statement starting at byte \(offset), before its semicolon: "
                + "the dump is truncated"
        case let .malformedRow(table, _, row, fields, columns):
            let target = table.map { " of \($0)" } ?? ""
            return "row \(row) of the COPY data\(target) has \(fields) fields, not \(columns): the data is damaged"
        case let .missingEpilogue(length):
            return "the dump ends at byte \(length) without pg_dump's \"PostgreSQL database dump complete\" "
                + "trailer: the dump is truncated or pg_dump failed"
        case .clusterDump:
            return "this is pg_dumpall output (every database and the roles, one after another), not one database's "
                + "pg_dump: archive each database on its own (pg_dump -d DB | pgscalpel pack -f DB.scalpel.sql.gz, "
                + "or pgscalpel backup -d DB -f DB.scalpel.sql.gz), and the roles with pg_dumpall --roles-only"
        }
    }

    /// Where the COPY block a row error is about starts; nil for other errors.
    var copyOffset: UInt64? {
        if case let .malformedRow(_, offset, _, _, _) = self { return offset }
        return nil
    }
}
