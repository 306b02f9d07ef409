/// How `export` writes a column's values where the output has types (JSON Lines,
/// SQL literals). Only the types whose text JSON can say better than a string get
/// their own kind; dates, uuids, enums, intervals and the rest stay strings.
enum ValueKind: Equatable, Sendable {
    case integer, numeric, float, boolean, json, bytea, text
    /// pgvector's `vector` and `halfvec`, whose text (`[0.1,2e-05]`) is a JSON array of
    /// numbers: an embedding is written as one, not as a string.
    case vector

    /// The kind of a built-in type by its `format_type` name (`pg_catalog.` removed);
    /// nil for a name that is not one of these (a user type, a domain).
    static func builtin(_ name: String) -> ValueKind? {
        switch name {
        case "smallint", "integer", "bigint", "int2", "int4", "int8", "oid": .integer
        case "numeric", "decimal": .numeric
        case "real", "double precision", "float4", "float8": .float
        case "boolean", "bool": .boolean
        case "json", "jsonb": .json
        case "bytea": .bytea
        default: nil
        }
    }
}

/// A column's kind with its array dimensions: `integer[]` is `.integer`, 1.
struct ColumnKind: Equatable, Sendable {
    var scalar: ValueKind
    var dimensions: Int
    /// The element separator in array text: `;` for `box`, whose values contain commas.
    var delimiter: UInt8

    static let text = ColumnKind(scalar: .text, dimensions: 0, delimiter: UInt8(ascii: ","))
}
