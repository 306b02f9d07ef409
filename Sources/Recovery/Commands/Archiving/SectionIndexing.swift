import DumpParser
import ScalpelArchive
import Support

/// Turns the scanner's sections into index entries, attributing each to its table.
enum SectionIndexing {
    static func sections(from dumpSections: [DumpSection]) -> [Section] {
        let sequenceOwners = owners(ofSequencesIn: dumpSections)
        return dumpSections.map { dumpSection in
            var section = Section(kind: kind(of: dumpSection), uncompressedOffset: dumpSection.offset,
                                  uncompressedLength: dumpSection.length)
            guard let header = dumpSection.header else { return section }
            section.type = header.type
            // The statement's own name is authoritative; the header is a hint for what statements don't name.
            section.schema = dumpSection.object?.schema ?? header.schema
            section.name = dumpSection.object?.name ?? header.name
            section.owner = header.owner
            section.dumpID = header.dumpID
            section.dependencies = header.dumpID == nil ? nil : header.dependencies
            section.table = dumpSection.table
                ?? dumpSection.object.flatMap { sequenceOwners[$0] }
                ?? (header.type == "TABLE" || header.type == "FOREIGN TABLE" ? dumpSection.object : nil)
            section.copyTarget = dumpSection.copyTarget
            section.columns = dumpSection.copyColumns
            section.rows = dumpSection.rows
            return section
        }
    }

    /// Sequences behind serial and identity columns travel with their table: found
    /// from `ALTER SEQUENCE ... OWNED BY` entries and from identity definitions.
    private static func owners(ofSequencesIn sections: [DumpSection]) -> [QualifiedName: QualifiedName] {
        var owners: [QualifiedName: QualifiedName] = [:]
        for section in sections {
            guard let type = section.header?.type, type == "SEQUENCE OWNED BY" || type == "SEQUENCE",
                  let object = section.object, let table = section.table else { continue }
            owners[object] = table
        }
        return owners
    }

    private static func kind(of section: DumpSection) -> Section.Kind {
        switch section.kind {
        case .prologue: return .prologue
        case .entry: return .entry
        case .epilogue: return .epilogue
        }
    }
}
