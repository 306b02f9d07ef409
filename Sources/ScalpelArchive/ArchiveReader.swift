/// Opens an indexed archive from its end: one read for the footer, one for the
/// index, and then only the members a command asks for.
public final class ArchiveReader {
    public let source: any ByteSource
    public let footer: Footer
    public let index: ArchiveIndex
    private let inflater: MemberInflater

    public init(source: any ByteSource, name: String) throws {
        self.source = source
        self.inflater = try MemberInflater()
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
                + "(index a plain dump with: gunzip -c \(name) | pgscalpel pack -f NEW.scalpel.sql.gz)")
        }
        guard footer.version == ArchiveLayout.formatVersion else {
            throw ArchiveError(.unsupportedVersion, "\(name) uses archive format \(footer.version); this pgscalpel reads format \(ArchiveLayout.formatVersion)")
        }
        let indexEnd = footer.indexOffset.addingReportingOverflow(footer.indexCompressedLength)
        guard !indexEnd.overflow, indexEnd.partialValue == source.size - UInt64(ArchiveLayout.footerSize),
              footer.indexPayloadLength < UInt64(Int32.max)
        else {
            throw ArchiveError(.indexDamaged, "\(name): the footer points outside the file; the archive is damaged")
        }
        let compressed = try source.read(at: footer.indexOffset, count: Int(footer.indexCompressedLength))
        let payload: [UInt8]
        do {
            payload = try inflater.inflate(member: compressed, expectedLength: Int(footer.indexPayloadLength), what: "the index")
        } catch let error as ArchiveError {
            throw ArchiveError(.indexDamaged, "\(name): \(error.message)")
        }
        guard crc32(payload) == footer.indexCRC else {
            throw ArchiveError(.indexDamaged, "\(name): the index checksum does not match; the archive is damaged")
        }
        self.footer = footer
        self.index = try IndexCodec.decode(payload)
    }

    public convenience init(path: String) throws {
        try self.init(source: try FileByteSource(path: path), name: path)
    }

    /// Streams one section's SQL, member by member, each checked against its CRC.
    public func read(_ section: Section, _ body: ([UInt8]) throws -> Void) throws {
        for (position, member) in index.members(of: section).enumerated() {
            try body(try decompress(member, what: "member \(section.firstMember + position) (\(section.label))"))
        }
    }

    /// Reads a section whole; for the small schema sections.
    public func text(of section: Section) throws -> [UInt8] {
        var bytes: [UInt8] = []
        try read(section) { bytes += $0 }
        return bytes
    }

    public func decompress(_ member: Member, what: @autoclosure () -> String) throws -> [UInt8] {
        guard member.length < UInt64(Int32.max), member.uncompressedLength < UInt64(Int32.max) else {
            throw ArchiveError(.indexDamaged, "\(what()) has an impossible size in the index")
        }
        let compressed = try source.read(at: member.offset, count: Int(member.length))
        let bytes = try inflater.inflate(member: compressed, expectedLength: Int(member.uncompressedLength), what: what())
        guard crc32(bytes) == member.crc32 else {
            throw ArchiveError(.memberDamaged, "\(what()) does not match the CRC-32 in the index")
        }
        return bytes
    }
}
