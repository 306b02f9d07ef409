import FoundationEssentials

/// Writes pg_dump's plain output as an indexed archive, as the bytes arrive.
///
/// The caller appends the stream, says where sections start (`cut(at:)`) and up
/// to where the stream is settled (`release(upTo:)`); the writer seals members at
/// those cuts and at `memberLimit`, compresses them on all cores, and writes them
/// in order. Nothing is held beyond the unsealed tail and the members in flight.
public final class ArchiveWriter {
    private let sink: any ByteSink
    private let memberLimit: Int
    private let pipeline: CompressionPipeline
    private var pending: [UInt8] = []
    private var pendingStart: UInt64 = 0
    private var appended: UInt64 = 0
    private var written: UInt64 = 0
    private var nextUncompressed: UInt64 = 0
    private var members: [Member] = []
    private var isFinished = false

    public init(sink: any ByteSink, memberLimit: Int = ArchiveLayout.defaultMemberLimit,
                backend: CompressionBackend = .standard, level: Int? = nil,
                threads: Int = ProcessInfo.processInfo.activeProcessorCount) throws {
        precondition(memberLimit > 0)
        self.sink = sink
        self.memberLimit = memberLimit
        self.pipeline = try CompressionPipeline(backend: backend, level: level ?? backend.defaultLevel, threads: threads)
    }

    deinit { pipeline.close() }

    /// Bytes of compressed output written so far (for progress lines).
    public var bytesWritten: UInt64 { written }
    public var bytesAppended: UInt64 { appended }

    public func append(_ bytes: UnsafeRawBufferPointer) {
        pending.append(contentsOf: bytes)
        appended += UInt64(bytes.count)
    }

    /// Makes `offset` a member boundary: a new pg_dump section starts there.
    public func cut(at offset: UInt64) throws {
        precondition(offset >= pendingStart && offset <= appended, "cut outside the unsealed tail")
        try seal(upTo: offset)
    }

    /// Seals full members that end at or before `offset`, past which the caller
    /// may still discover a section start.
    public func release(upTo offset: UInt64) throws {
        while pending.count >= memberLimit && pendingStart + UInt64(memberLimit) <= offset {
            try sealPrefix(memberLimit)
        }
    }

    /// Seals the rest of the stream, then writes the index member and the footer.
    /// `sections` must tile the stream and start on member boundaries; their
    /// member ranges are filled in here.
    @discardableResult
    public func finish(pgscalpelVersion: String, dump: DumpInfo, sections: [Section]) throws -> ArchiveIndex {
        precondition(!isFinished)
        isFinished = true
        try seal(upTo: appended)
        try pipeline.finish(deliver: write)
        let index = ArchiveIndex(pgscalpelVersion: pgscalpelVersion, dump: dump, members: members,
                                 sections: try Self.place(sections, on: members, streamLength: appended))
        let payload = try IndexCodec.encode(index)
        let indexMember = try payload.withUnsafeBytes { input in
            let deflated = try LibdeflateDeflater(level: 6).deflate(input)
            return GzipMember.frame(deflated: deflated, crc: crc32(input), uncompressedLength: input.count)
        }
        let footer = Footer(indexOffset: written, indexCompressedLength: UInt64(indexMember.count),
                            indexPayloadLength: UInt64(payload.count), indexCRC: crc32(payload))
        try sink.write(indexMember)
        try sink.write(footer.encoded())
        written += UInt64(indexMember.count + ArchiveLayout.footerSize)
        return index
    }

    private func seal(upTo offset: UInt64) throws {
        while pendingStart < offset {
            try sealPrefix(min(memberLimit, Int(offset - pendingStart)))
        }
    }

    private func sealPrefix(_ count: Int) throws {
        let bytes = Array(pending[0..<count])
        pending.removeFirst(count)
        pendingStart += UInt64(count)
        try pipeline.submit(bytes, deliver: write)
    }

    private func write(_ compressed: CompressionPipeline.Compressed) throws {
        try sink.write(compressed.member)
        members.append(Member(offset: written, length: UInt64(compressed.member.count),
                              uncompressedOffset: nextUncompressed,
                              uncompressedLength: UInt64(compressed.uncompressedLength), crc32: compressed.crc))
        written += UInt64(compressed.member.count)
        nextUncompressed += UInt64(compressed.uncompressedLength)
    }

    /// Assigns each section the members that hold it; a section that does not start
    /// on a member boundary is a bug in the caller, reported rather than indexed wrong.
    static func place(_ sections: [Section], on members: [Member], streamLength: UInt64) throws -> [Section] {
        var placed: [Section] = []
        placed.reserveCapacity(sections.count)
        var memberIndex = 0
        var expectedOffset: UInt64 = 0
        for var section in sections {
            guard section.uncompressedOffset == expectedOffset else {
                throw ArchiveError(.indexDamaged, "\(section.label) does not follow the previous section")
            }
            let end = section.uncompressedOffset + section.uncompressedLength
            guard memberIndex < members.count || section.uncompressedLength == 0,
                  section.uncompressedLength == 0 || members[memberIndex].uncompressedOffset == section.uncompressedOffset
            else {
                throw ArchiveError(.indexDamaged, "\(section.label) does not start on a member boundary")
            }
            section.firstMember = memberIndex
            while memberIndex < members.count && members[memberIndex].uncompressedOffset < end { memberIndex += 1 }
            section.memberCount = memberIndex - section.firstMember
            placed.append(section)
            expectedOffset = end
        }
        guard expectedOffset == streamLength else {
            throw ArchiveError(.indexDamaged, "the sections cover \(expectedOffset) of \(streamLength) bytes")
        }
        return placed
    }
}
