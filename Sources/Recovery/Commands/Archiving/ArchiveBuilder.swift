import DumpParser
import ScalpelArchive
import Support

/// Turns a stream of pg_dump plain output into an indexed archive: the scanner finds
/// the sections, the writer cuts and compresses members at them. Used by `backup`
/// (pg_dump's pipe) and `pack` (standard input) alike, so both give the same archive.
public final class ArchiveBuilder {
    private var scanner = DumpScanner()
    private let writer: ArchiveWriter
    private var sections: [DumpSection] = []

    public init(sink: any ByteSink, memberLimit: Int = ArchiveLayout.defaultMemberLimit,
                backend: CompressionBackend = .standard, level: Int? = nil) throws {
        writer = try ArchiveWriter(sink: sink, memberLimit: memberLimit, backend: backend, level: level)
    }

    public var bytesIn: UInt64 { writer.bytesAppended }
    public var bytesOut: UInt64 { writer.bytesWritten }
    /// The table whose COPY data is streaming by now, for progress lines: the open
    /// section's. (The last section to end named, all through a big table's COPY,
    /// the table before it.)
    public var currentTable: QualifiedName? {
        let open = scanner.openSection
        return open.header?.isData == true ? open.table : nil
    }

    public func consume(_ chunk: UnsafeRawBufferPointer) throws {
        writer.append(chunk)
        try handle(scanner.consume(chunk))
        // Refused at its first lines rather than after reading a whole cluster.
        if scanner.isClusterDump { throw DumpError.clusterDump }
        try writer.release(upTo: scanner.stableOffset)
    }

    /// Ends the stream: fails if pg_dump's output is incomplete, else writes index and footer.
    public func finish(dump: DumpInfo) throws -> ArchiveIndex {
        try handle(scanner.finish())
        var info = dump
        let prologue = scanner.prologue
        info.serverVersion = info.serverVersion ?? prologue.serverVersion
        info.pgDumpVersion = info.pgDumpVersion ?? prologue.pgDumpVersion
        for (name, value) in DumpSettings.implied(by: prologue) where info.settings[name] == nil {
            info.settings[name] = value
        }
        return try writer.finish(pgscalpelVersion: PGScalpelVersion.current, dump: info,
                                 sections: SectionIndexing.sections(from: sections))
    }

    private func handle(_ events: [DumpEvent]) throws {
        for event in events {
            switch event {
            case .sectionStarted(let offset):
                try writer.cut(at: offset)
            case .sectionEnded(let section):
                sections.append(section)
            }
        }
    }
}
