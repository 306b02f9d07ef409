/// One section of an archive scanned apart from the rest of the dump, so that a
/// reader can hold the bytes an index points at against what the index says they
/// are before it passes them on: an index edited to send one table's name to
/// another table's rows, or a section cut short, must not reach the output.
///
/// The scanner sees the section as a dump of its own: what pg_dump writes before
/// the entry's header comes out as an empty prologue, which is dropped here.
/// Facts that depend on other sections (the table a sequence or an attached index
/// belongs to) are not known alone, and are left for the index to say.
public struct SectionRescan: Sendable {
    private var scanner = DumpScanner(checksFields: true)
    private var ended: [DumpSection] = []

    public init() {}

    /// The sections that have ended so far, and the one still open as far as it is known.
    public mutating func consume(_ bytes: UnsafeRawBufferPointer) -> (ended: [DumpSection], open: DumpSection) {
        for case .sectionEnded(let section) in scanner.consume(bytes) where section.length > 0 {
            ended.append(section)
        }
        return (ended, scanner.openSection)
    }

    /// The first COPY row whose field count is wrong, once one has gone by.
    public var malformedRow: DumpError? { scanner.malformedRows.first }

    /// Every section the bytes held: one, when they are the section the index says.
    public mutating func finish() throws -> [DumpSection] {
        for case .sectionEnded(let section) in try scanner.finish(requiringEpilogue: false) where section.length > 0 {
            ended.append(section)
        }
        return ended
    }
}
