import Dispatch
import FoundationEssentials

/// What a section's bytes must show of themselves before a reader passes them
/// on. The archive format knows bytes and checksums only: a CRC proves the bytes
/// are the ones written, not that the index names them rightly, so the module
/// that knows pg_dump's output supplies this check (Recovery's `IndexedSectionCheck`).
public protocol SectionContentCheck: AnyObject {
    /// Each member's bytes of the section, in order, before the caller sees them.
    func consume(_ bytes: [UInt8]) throws
    /// After the section's last member.
    func finish() throws
}

/// Opens an indexed archive from its end: one read for the footer, one for the
/// index, and then only the members a command asks for.
public final class ArchiveReader {
    public let source: any ByteSource
    public let footer: Footer
    public let index: ArchiveIndex
    /// Makes the check each `read` of a section goes through.
    private let contentCheck: (@Sendable (Section) -> any SectionContentCheck)?

    public init(source: any ByteSource, name: String,
                contentCheck: (@Sendable (Section) -> any SectionContentCheck)? = nil) throws {
        self.source = source
        self.contentCheck = contentCheck
        guard source.size >= 18 else {
            throw ArchiveError(.notGzip, "\(name) is not a gzip file (\(source.size) bytes)")
        }
        guard GzipMember.startsLikeGzip(try source.read(at: 0, count: 3)) else {
            throw ArchiveError(.notGzip, "\(name) is not a gzip file")
        }
        guard source.size >= UInt64(ArchiveLayout.footerSize),
              let footer = Footer(decoding: try source.read(at: source.size - UInt64(ArchiveLayout.footerSize),
                                                            count: ArchiveLayout.footerSize))
        else {
            throw ArchiveError(.noFooter, "\(name) has no pgscalpel index at its end: it is a plain .sql.gz or was truncated "
                + "(index a plain dump with: gunzip -c \(name) | pgscalpel pack -f NEW\(ArchiveLayout.fileExtension))")
        }
        guard footer.version == ArchiveLayout.formatVersion else {
            throw ArchiveError(.unsupportedVersion, "\(name) uses archive format \(footer.version); this pgscalpel reads format \(ArchiveLayout.formatVersion)")
        }
        let indexEnd = footer.indexOffset.addingReportingOverflow(footer.indexCompressedLength)
        guard !indexEnd.overflow, indexEnd.partialValue == source.size - UInt64(ArchiveLayout.footerSize) else {
            throw ArchiveError(.indexDamaged, "\(name): the footer points outside the file; the archive is damaged")
        }
        guard footer.indexPayloadLength <= ArchiveLayout.largestIndexPayload(fileSize: source.size) else {
            throw ArchiveError(.indexDamaged, "\(name): the footer claims an index of \(footer.indexPayloadLength) bytes, "
                + "more than an archive of \(source.size) bytes can have; the archive is damaged")
        }
        let compressed = try source.read(at: footer.indexOffset, count: Int(footer.indexCompressedLength))
        let payload: [UInt8]
        do {
            payload = try MemberInflater().inflate(member: compressed, expectedLength: Int(footer.indexPayloadLength), what: "the index")
        } catch let error as ArchiveError {
            throw ArchiveError(.indexDamaged, "\(name): \(error.message)")
        }
        guard crc32(payload) == footer.indexCRC else {
            throw ArchiveError(.indexDamaged, "\(name): the index checksum does not match; the archive is damaged")
        }
        let index = try IndexCodec.decode(payload)
        try index.validate(indexOffset: footer.indexOffset, name: name)
        self.footer = footer
        self.index = index
    }

    public convenience init(path: String, contentCheck: (@Sendable (Section) -> any SectionContentCheck)? = nil) throws {
        try self.init(source: try FileByteSource(path: path), name: path, contentCheck: contentCheck)
    }

    /// Streams one section's SQL in order, each member checked against its CRC
    /// and, with a content check, against what the index says the section is.
    /// `body` gets each piece only once the next one passed the check, and the last
    /// only once the whole section did: a section in one member, as pgscalpel writes
    /// all but the largest, reaches `body` whole and checked, or not at all.
    public func read(_ section: Section, _ body: ([UInt8]) throws -> Void) throws {
        let check = contentCheck?(section)
        var held: [UInt8]?
        try decompressMembers(section.firstMember..<(section.firstMember + section.memberCount),
                              label: { _ in section.label }) { _, result in
            let bytes = try result.get()
            try check?.consume(bytes)
            if let held { try body(held) }
            held = bytes
        }
        try check?.finish()
        if let held { try body(held) }
    }

    /// Members that claim more than this are inflated in pieces (`PiecewiseInflater`),
    /// one at a time; the others whole, a batch at once. pgscalpel writes at most 1 MiB.
    static let wholeMemberLimit: UInt64 = 16 << 20

    /// Decompresses members in order, a batch at a time on all cores, so a big table
    /// reads at the speed of every core while memory stays at one batch. `body` sees
    /// each member's bytes (in pieces, for a member over `wholeMemberLimit`), or why it
    /// could not be read, so `verify` can go on past damage.
    public func decompressMembers(_ positions: Range<Int>, label: (Int) -> String,
                                  _ body: (Int, Result<[UInt8], any Error>) throws -> Void) throws {
        let batchSize = max(1, 2 * ProcessInfo.processInfo.activeProcessorCount)
        var start = positions.lowerBound
        while start < positions.upperBound {
            if index.members[start].uncompressedLength > Self.wholeMemberLimit {
                try inflateInPieces(start, what: "member \(start) (\(label(start)))", body)
                start += 1
                continue
            }
            var end = start + 1
            while end < min(start + batchSize, positions.upperBound),
                  index.members[end].uncompressedLength <= Self.wholeMemberLimit { end += 1 }
            let batch = start..<end
            let members = Array(index.members[batch])
            let compressed = members.map { member in
                Result { try source.read(at: member.offset, count: Int(member.length)) }
            }
            let labels = batch.map { "member \($0) (\(label($0)))" }
            let decoded = ResultSlots(count: members.count)
            DispatchQueue.concurrentPerform(iterations: members.count) { item in
                decoded[item] = Result {
                    try Self.inflate(try compressed[item].get(), member: members[item], with: try MemberInflater(), what: labels[item])
                }
            }
            for (result, position) in zip(decoded.values, batch) { try body(position, result) }
            start = batch.upperBound
        }
    }

    private func inflateInPieces(_ position: Int, what: String,
                                 _ body: (Int, Result<[UInt8], any Error>) throws -> Void) throws {
        // A failure of `body` itself must not come back to it as the member's damage.
        var bodyFailed = false
        do {
            try PiecewiseInflater().inflate(index.members[position], from: source, what: what) { piece in
                do { try body(position, .success(piece)) } catch { bodyFailed = true; throw error }
            }
        } catch where !bodyFailed {
            try body(position, .failure(error))
        }
    }

    /// Reads a section whole; for the small schema sections.
    public func text(of section: Section) throws -> [UInt8] {
        var bytes: [UInt8] = []
        try read(section) { bytes += $0 }
        return bytes
    }

    private static func inflate(_ compressed: [UInt8], member: Member, with inflater: MemberInflater,
                                what: @autoclosure () -> String) throws -> [UInt8] {
        let bytes = try inflater.inflate(member: compressed, expectedLength: Int(member.uncompressedLength), what: what())
        guard crc32(bytes) == member.crc32 else {
            throw ArchiveError(.memberDamaged, "\(what()) does not match the CRC-32 in the index")
        }
        return bytes
    }
}

/// One slot per member, each written by exactly one `concurrentPerform` iteration:
/// raw storage, because concurrent writes through one Swift array would overlap accesses.
private final class ResultSlots: @unchecked Sendable {
    private let slots: UnsafeMutableBufferPointer<Result<[UInt8], any Error>?>

    init(count: Int) {
        slots = .allocate(capacity: count)
        slots.initialize(repeating: nil)
    }

    deinit {
        slots.deinitialize()
        slots.deallocate()
    }

    subscript(item: Int) -> Result<[UInt8], any Error>? {
        get { slots[item] }
        set { slots[item] = newValue }
    }

    var values: [Result<[UInt8], any Error>] { slots.map { $0! } }
}
