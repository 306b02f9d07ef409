import DumpParser

/// How `diff` matches a backup row with a production row, and the order both
/// sides are read in so that one merging pass finds every difference without
/// holding either side in memory. The client compares keys itself, so each key
/// column is read in an order it can reproduce: integers numerically (their
/// index order), anything else by the bytes of its text (`COLLATE "C"`, which
/// is also uuid's own order), never in a collation it cannot know. That text is
/// the type's output, as COPY sends it (`format('%s', ...)`), not a cast to text:
/// boolean, character(n), inet and cidr cast to other text than they print.
public struct DiffKey: Sendable, Equatable {
    public enum Source: String, Codable, Sendable {
        case option = "--key"
        case archive = "primary key in the archive"
        case production = "primary key in production"
        /// No key: rows are compared whole, as a multiset, duplicates counted.
        case wholeRow = "none: whole rows, as a multiset"
    }

    enum Order: Sendable, Equatable {
        case integer
        case bytes
        /// The column's own order already is its text's byte order (uuid, text under "C").
        case bytesNatively(collateC: Bool)
    }

    public var columns: [String]
    public var source: Source
    var orders: [Order]

    var isWholeRow: Bool { source == .wholeRow }

    /// `typeText` gives a column's type on each side; a column retyped between
    /// them is ordered by its text.
    init(columns: [String], source: Source, types: (String) -> (backup: String?, production: String?)) {
        self.columns = columns
        self.source = source
        orders = columns.map { column in
            let (backup, production) = types(column)
            guard let type = production, backup == nil || backup == production else { return .bytes }
            switch ColumnType.withoutModifiers(type) {
            case "smallint", "integer", "bigint": return .integer
            case "uuid": return .bytesNatively(collateC: false)
            case "text", "character varying": return .bytesNatively(collateC: true)
            default: return .bytes
            }
        }
    }

    /// The `ORDER BY` list, with each column already quoted. `reencoded` when the
    /// client_encoding is not the server's: the text the merge compares is then in
    /// another encoding, whose byte order can differ ('ア' before 'Ａ' in UTF-8,
    /// after it in SJIS), so the server sorts by the bytes of that encoding (bytea
    /// compares as `CopyLine.compareBytes` does).
    func orderBy(quoted: [String], reencoded: Bool) -> String {
        let encoding = "pg_catalog.current_setting('client_encoding')"
        return zip(quoted, orders).map { column, order in
            switch order {
            case .integer, .bytesNatively(collateC: false): column
            case .bytesNatively(collateC: true) where reencoded: "pg_catalog.convert_to(\(column), \(encoding))"
            case .bytesNatively(collateC: true): "\(column) COLLATE \"C\""
            // num_nulls, not IS NULL, which also holds for a composite whose fields are all NULL.
            case .bytes where reencoded:
                "pg_catalog.num_nulls(\(column)), pg_catalog.convert_to(pg_catalog.format('%s', \(column)), \(encoding))"
            case .bytes: "pg_catalog.num_nulls(\(column)), pg_catalog.format('%s', \(column)) COLLATE \"C\""
            }
        }.joined(separator: ", ")
    }
}
