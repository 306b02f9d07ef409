import Foundation
@testable import ScalpelArchive

/// An in-memory sink, so archive tests need no files unless they run gzip.
final class MemorySink: ByteSink {
    var bytes: [UInt8] = []
    func write(_ chunk: UnsafeRawBufferPointer) throws { bytes.append(contentsOf: chunk) }
}

final class MemorySource: ByteSource {
    let bytes: [UInt8]
    init(_ bytes: [UInt8]) { self.bytes = bytes }
    var size: UInt64 { UInt64(bytes.count) }
    func read(at offset: UInt64, count: Int) throws -> [UInt8] {
        guard offset + UInt64(count) <= size else { throw ArchiveError(.truncated, "short read") }
        return Array(bytes[Int(offset)..<(Int(offset) + count)])
    }
}

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

/// Runs a command with the given standard input and returns its status and standard output.
func run(_ arguments: [String], input: [UInt8] = []) throws -> (status: Int32, output: Data) {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = arguments
    let stdin = Pipe(), stdout = Pipe()
    process.standardInput = stdin
    process.standardOutput = stdout
    process.standardError = FileHandle.nullDevice
    try process.run()
    let writer = Thread { try? stdin.fileHandleForWriting.write(contentsOf: input); try? stdin.fileHandleForWriting.close() }
    writer.start()
    let output = stdout.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return (process.terminationStatus, output)
}
