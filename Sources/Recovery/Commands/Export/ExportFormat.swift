/// What `pgscalpel export` writes a table's rows as.
public enum ExportFormat: String, CaseIterable, Sendable, Codable {
    /// Byte for byte what `COPY ... TO STDOUT (FORMAT csv, HEADER)` writes.
    case csv
    /// One JSON object per row, typed from the table's definition.
    case jsonl
    /// `INSERT` statements that load into a table of the same definition.
    case sql
    /// The dump's own COPY block, as psql loads it.
    case copy

    /// The file ending used when exporting into a folder.
    public var fileExtension: String {
        switch self {
        case .csv: "csv"
        case .jsonl: "jsonl"
        case .sql, .copy: "sql"
        }
    }

    /// How JSON Lines writes `bytea` values, which JSON has no type for.
    public enum Bytea: String, CaseIterable, Sendable, Codable {
        /// PostgreSQL's own hex text, `\x0102`.
        case hex
        case base64
    }
}
