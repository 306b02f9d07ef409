/// How many rows differ in one column: diff's summary and apply's plan count
/// updates column by column, so that a rewrite of one column stands out.
public struct ChangedColumn: Codable, Sendable, Equatable {
    public var column: String
    public var rows: Int
}
