import TestSupport
@testable import ScalpelArchive

/// Builds an archive whose sections are the given texts, fed in `chunk`-sized pieces.
func makeArchive(_ texts: [String], memberLimit: Int = 64, chunk: Int = 17,
                 backend: CompressionBackend = .libdeflate) throws -> (bytes: [UInt8], index: ArchiveIndex) {
    let sink = MemorySink()
    let writer = try ArchiveWriter(sink: sink, memberLimit: memberLimit, backend: backend, threads: 2)
    var sections: [Section] = []
    var offset: UInt64 = 0
    for (number, text) in texts.enumerated() {
        let bytes = Array(text.utf8)
        try writer.cut(at: offset)
        var position = 0
        while position < bytes.count {
            let end = min(position + chunk, bytes.count)
            bytes[position..<end].withUnsafeBytes { writer.append($0) }
            try writer.release(upTo: offset + UInt64(end))
            position = end
        }
        sections.append(Section(kind: .entry, type: "TABLE DATA", schema: "public", name: "t\(number)",
                                uncompressedOffset: offset, uncompressedLength: UInt64(bytes.count)))
        offset += UInt64(bytes.count)
    }
    let index = try writer.finish(pgscalpelVersion: "test", dump: DumpInfo(database: "db"), sections: sections)
    return (sink.bytes, index)
}
