import CDeflate

/// Inflates single members whose decompressed length is known from the index,
/// which lets libdeflate decode straight into a buffer of the exact size.
final class MemberInflater {
    private let decompressor: OpaquePointer

    init() throws {
        guard let decompressor = libdeflate_alloc_decompressor() else {
            throw ArchiveError(.compression, "libdeflate could not allocate a decompressor")
        }
        self.decompressor = decompressor
    }

    deinit { libdeflate_free_decompressor(decompressor) }

    /// Decodes one gzip member, checking its header, CRC-32 and ISIZE.
    /// `what` names the part of the archive for the error message.
    func inflate(member: [UInt8], expectedLength: Int, what: @autoclosure () -> String) throws -> [UInt8] {
        do {
            return try [UInt8](unsafeUninitializedCapacity: expectedLength) { out, written in
                var consumed = 0
                var produced = 0
                let result = member.withUnsafeBytes { input in
                    libdeflate_gzip_decompress_ex(
                        decompressor, input.baseAddress, input.count,
                        out.baseAddress, expectedLength, &consumed, &produced)
                }
                guard result == LIBDEFLATE_SUCCESS else {
                    throw ArchiveError(.memberDamaged, result == LIBDEFLATE_INSUFFICIENT_SPACE
                        ? "holds more data than the index says" : "does not decompress (bad data or checksum)")
                }
                guard consumed == member.count, produced == expectedLength else {
                    throw ArchiveError(.memberDamaged, "has a length other than the index says")
                }
                written = produced
            }
        } catch let error as ArchiveError {
            throw ArchiveError(.memberDamaged, "\(what()) is damaged: \(error.message)")
        }
    }
}
