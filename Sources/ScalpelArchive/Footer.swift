/// The fixed-size last member that lets a reader find the index with one read
/// from the end of the file. Layout: `ArchiveLayout`.
public struct Footer: Equatable, Sendable {
    public var version: UInt16
    public var indexOffset: UInt64
    public var indexCompressedLength: UInt64
    public var indexPayloadLength: UInt64
    public var indexCRC: UInt32

    public init(version: UInt16 = ArchiveLayout.formatVersion, indexOffset: UInt64,
                indexCompressedLength: UInt64, indexPayloadLength: UInt64, indexCRC: UInt32) {
        self.version = version
        self.indexOffset = indexOffset
        self.indexCompressedLength = indexCompressedLength
        self.indexPayloadLength = indexPayloadLength
        self.indexCRC = indexCRC
    }

    public func encoded() -> [UInt8] {
        var bytes: [UInt8] = [0x1f, 0x8b, 0x08, 0x04, 0, 0, 0, 0, 0x00, 0x03]
        bytes.appendLittleEndian(ArchiveLayout.footerXLEN)
        bytes += ArchiveLayout.footerSubfieldID
        bytes.appendLittleEndian(ArchiveLayout.footerSubfieldLength)
        bytes += ArchiveLayout.magic
        bytes.appendLittleEndian(version)
        bytes.append(0)
        bytes.appendLittleEndian(indexOffset)
        bytes.appendLittleEndian(indexCompressedLength)
        bytes.appendLittleEndian(indexPayloadLength)
        bytes.appendLittleEndian(indexCRC)
        bytes += ArchiveLayout.emptyDeflateBlock
        bytes.appendLittleEndian(UInt32(0))
        bytes.appendLittleEndian(UInt32(0))
        return bytes
    }

    /// Parses the last `ArchiveLayout.footerSize` bytes of a file; nil when they are
    /// not a pgscalpel footer (a plain .sql.gz, or a truncated archive). Every fixed
    /// byte is checked, the reserved flags too, as docs/FORMAT.md asks of readers.
    public init?(decoding bytes: [UInt8]) {
        guard bytes.count == ArchiveLayout.footerSize,
              Array(bytes[0..<10]) == [0x1f, 0x8b, 0x08, 0x04, 0, 0, 0, 0, 0x00, 0x03],
              bytes.littleEndian(at: 10, as: UInt16.self) == ArchiveLayout.footerXLEN,
              Array(bytes[12..<14]) == ArchiveLayout.footerSubfieldID,
              bytes.littleEndian(at: 14, as: UInt16.self) == ArchiveLayout.footerSubfieldLength,
              Array(bytes[16..<25]) == ArchiveLayout.magic,
              bytes[27] == 0,
              Array(bytes[56..<66]) == ArchiveLayout.emptyDeflateBlock + [0, 0, 0, 0, 0, 0, 0, 0],
              let version = bytes.littleEndian(at: 25, as: UInt16.self),
              let indexOffset = bytes.littleEndian(at: 28, as: UInt64.self),
              let compressed = bytes.littleEndian(at: 36, as: UInt64.self),
              let payload = bytes.littleEndian(at: 44, as: UInt64.self),
              let crc = bytes.littleEndian(at: 52, as: UInt32.self)
        else { return nil }
        self.init(version: version, indexOffset: indexOffset, indexCompressedLength: compressed,
                  indexPayloadLength: payload, indexCRC: crc)
    }
}
