import ScalpelArchive

/// An in-memory sink: what an archive writer or an export wrote, with no file.
public final class MemorySink: ByteSink {
    public var bytes: [UInt8] = []
    public init() {}
    public func write(_ chunk: UnsafeRawBufferPointer) throws { bytes.append(contentsOf: chunk) }
}

/// An archive held in memory, for readers.
public final class MemorySource: ByteSource {
    public let bytes: [UInt8]
    public init(_ bytes: [UInt8]) { self.bytes = bytes }
    public var size: UInt64 { UInt64(bytes.count) }
    public func read(at offset: UInt64, count: Int) throws -> [UInt8] {
        guard offset + UInt64(count) <= size else { throw ArchiveError(.truncated, "short read") }
        return Array(bytes[Int(offset)..<(Int(offset) + count)])
    }
}
