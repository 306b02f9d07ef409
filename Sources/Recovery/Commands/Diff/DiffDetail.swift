import DumpParser
import ScalpelArchive
import Support

/// One difference the merge found, with its values decoded from COPY text
/// (nil for NULL), in the compared columns' order.
struct DiffDetail {
    enum Change: String {
        /// Only in the backup: deleted from production since.
        case deleted
        /// Only in production: inserted since.
        case inserted
        case changed
    }

    var change: Change
    var backup: [[UInt8]?]?
    var production: [[UInt8]?]?
    /// For `changed`: the positions of the columns whose values differ.
    var changedColumns: [Int]

    /// The row as it is on the side that has it (the backup's, for a changed row).
    var row: [[UInt8]?] { backup ?? production ?? [] }

    /// The values in UTF-8, for the formats that are read as UTF-8 (JSON, the
    /// report), when the dump's text is in another encoding.
    func inUTF8(_ transcoder: UTF8Transcoder?) -> DiffDetail {
        guard let transcoder else { return self }
        func convert(_ row: [[UInt8]?]?) -> [[UInt8]?]? {
            row?.map { value in value.map { bytes in bytes.withUnsafeBytes { transcoder.convert($0) } } }
        }
        return DiffDetail(change: change, backup: convert(backup), production: convert(production), changedColumns: changedColumns)
    }
}

/// What every format needs to know about the rows it lists.
struct DiffLayout {
    var table: QualifiedName
    var columns: [String]
    /// Positions of the key columns in `columns`; every column when rows are
    /// compared whole.
    var keyFields: [Int]
    var wholeRow: Bool
    /// Read with its partitions; any other table `ONLY`, as its rows were read.
    var isPartitioned: Bool
    /// Columns that are `GENERATED ALWAYS AS IDENTITY` in production.
    var alwaysIdentity: Set<String>
}

/// One output format of `diff`. The summary is known only once every row is
/// read, so it is asked for last but written first, around the listed details.
protocol DiffDetailWriter: AnyObject {
    func header(_ summary: DiffSummary) -> [UInt8]
    func write(_ detail: DiffDetail, number: Int, to output: inout [UInt8])
    func footer(_ summary: DiffSummary) -> [UInt8]
}

extension DiffDetailWriter {
    func footer(_ summary: DiffSummary) -> [UInt8] { [] }
}
