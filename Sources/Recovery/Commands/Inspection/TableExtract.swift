import ScalpelArchive
import Support

/// `pgscalpel cat`: one table's SQL, as psql can run it, read from only the members
/// that hold it (plus the prologue's settings and the epilogue that closes `\restrict`).
public struct TableExtract {
    public enum Part: Sendable {
        case all, schemaOnly, dataOnly
    }

    public static func write(archive path: String, tables patterns: [TablePattern], part: Part,
                             to output: (UnsafeRawBufferPointer) throws -> Void) throws {
        let reader = try ArchiveReader.open(path)
        try write(reader: reader, tables: patterns, part: part, to: output)
    }

    public static func write(reader: ArchiveReader, tables patterns: [TablePattern], part: Part,
                             to output: (UnsafeRawBufferPointer) throws -> Void) throws {
        let index = reader.index
        var chosen: Set<QualifiedName> = []
        for pattern in patterns { chosen.formUnion(try index.tables(matching: pattern)) }
        // By position, as iterating copies every section; and the usual one or two
        // tables compared by name, as hashing every section's table cost more.
        let few = chosen.count <= 4 ? Array(chosen) : nil
        let positions = index.sections.indices.filter { position in
            guard index.sections[position].kind == .entry else { return true }
            guard let table = index.sections[position].table,
                  few?.contains(table) ?? chosen.contains(table) else { return false }
            switch part {
            case .all: return true
            case .dataOnly: return index.sections[position].type == "TABLE DATA"
            case .schemaOnly: return index.sections[position].type != "TABLE DATA"
            }
        }
        for position in positions {
            try reader.read(index.sections[position]) { bytes in try bytes.withUnsafeBytes(output) }
        }
    }
}
