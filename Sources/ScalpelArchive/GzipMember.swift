/// Framing of one gzip member (RFC 1952) around raw DEFLATE data. The framing is
/// written here rather than by a library so the header bytes are exactly those
/// docs/FORMAT.md specifies, whichever DEFLATE backend produced the data.
enum GzipMember {
    static func frame(deflated: [UInt8], crc: UInt32, uncompressedLength: Int) -> [UInt8] {
        var member = ArchiveLayout.memberHeader
        member.reserveCapacity(member.count + deflated.count + ArchiveLayout.memberTrailerSize)
        member += deflated
        member.appendLittleEndian(crc)
        member.appendLittleEndian(UInt32(truncatingIfNeeded: uncompressedLength))
        return member
    }

    static func startsLikeGzip(_ bytes: [UInt8]) -> Bool {
        bytes.count >= 3 && bytes[0] == 0x1f && bytes[1] == 0x8b && bytes[2] == 0x08
    }
}

extension Array where Element == UInt8 {
    mutating func appendLittleEndian<T: FixedWidthInteger>(_ value: T) {
        Swift.withUnsafeBytes(of: value.littleEndian) { append(contentsOf: $0) }
    }

    /// Reads a little-endian integer; nil when the bytes run out, never a trap.
    func littleEndian<T: FixedWidthInteger>(at offset: Int, as: T.Type = T.self) -> T? {
        let size = MemoryLayout<T>.size
        guard offset >= 0, offset + size <= count else { return nil }
        var value: T = 0
        for i in (0..<size).reversed() { value = value << 8 | T(self[offset + i]) }
        return value
    }
}
