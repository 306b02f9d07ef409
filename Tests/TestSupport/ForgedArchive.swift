import ScalpelArchive

/// An archive around an index payload someone wrote: the data members of
/// Fixtures/fuzz/archive/tiny.scalpel.sql.gz, then the payload as its index member,
/// with a footer and checksums that agree with it. What whoever can write the
/// bucket produces; the index fuzz target opens these, and so do the tests that
/// replay its crash inputs (Fixtures/fuzz/crashes/index).
public enum ForgedArchive {
    public static func around(indexPayload payload: [UInt8]) throws -> [UInt8] {
        let dataMembers = try tinyDataMembers.get()
        let indexMember = storedMember(payload)
        let footer = Footer(indexOffset: UInt64(dataMembers.count), indexCompressedLength: UInt64(indexMember.count),
                            indexPayloadLength: UInt64(payload.count), indexCRC: crc32(payload))
        return dataMembers + indexMember + footer.encoded()
    }

    /// Read once: the fuzz target calls `around` thousands of times a second.
    private static let tinyDataMembers = Result { () throws -> [UInt8] in
        let archive = try Fixture.bytes("fuzz/archive/tiny.scalpel.sql.gz")
        guard let footer = Footer(decoding: Array(archive.suffix(ArchiveLayout.footerSize))) else {
            throw ArchiveError(.noFooter, "Fixtures/fuzz/archive/tiny.scalpel.sql.gz is not an archive")
        }
        return Array(archive.prefix(Int(footer.indexOffset)))
    }

    /// `bytes` as one gzip member of stored (uncompressed) DEFLATE blocks, so that
    /// libFuzzer's mutations of the JSON reach the reader as JSON.
    private static func storedMember(_ bytes: [UInt8]) -> [UInt8] {
        var member: [UInt8] = [0x1f, 0x8b, 0x08, 0x00, 0, 0, 0, 0, 0x00, 0x03]
        var rest = bytes[...]
        repeat {
            let block = rest.prefix(Int(UInt16.max))
            rest = rest.dropFirst(block.count)
            let length = UInt16(block.count)
            member.append(rest.isEmpty ? 1 : 0)
            member.appendLittleEndian(length)
            member.appendLittleEndian(~length)
            member += block
        } while !rest.isEmpty
        member.appendLittleEndian(crc32(bytes))
        member.appendLittleEndian(UInt32(truncatingIfNeeded: bytes.count))
        return member
    }
}

extension [UInt8] {
    fileprivate mutating func appendLittleEndian<T: FixedWidthInteger>(_ value: T) {
        Swift.withUnsafeBytes(of: value.littleEndian) { append(contentsOf: $0) }
    }
}
