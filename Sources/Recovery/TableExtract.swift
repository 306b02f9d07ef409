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
        let reader = try ArchiveReader(path: path)
        try write(reader: reader, tables: patterns, part: part, to: output)
    }

    public static func write(reader: ArchiveReader, tables patterns: [TablePattern], part: Part,
                             to output: (UnsafeRawBufferPointer) throws -> Void) throws {
        let index = reader.index
        var chosen: Set<QualifiedName> = []
        for pattern in patterns { chosen.formUnion(try index.tables(matching: pattern)) }
        let sections = index.sections.filter { section in
            guard section.kind == .entry, let table = section.table, chosen.contains(table) else {
                return section.kind != .entry
            }
            switch part {
            case .all: return true
            case .dataOnly: return section.type == "TABLE DATA"
            case .schemaOnly: return section.type != "TABLE DATA"
            }
        }
        for section in sections {
            try reader.read(section) { bytes in try bytes.withUnsafeBytes(output) }
        }
    }
}
