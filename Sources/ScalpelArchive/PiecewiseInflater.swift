import CZlib

/// Inflates one gzip member in pieces, for members too large to hold whole.
/// docs/FORMAT.md lets a member hold up to 2^31 bytes, and an index can claim that
/// much for a member of a few kilobytes (deflate inflates a thousandfold): read
/// whole, such a member would take gigabytes. Pieces keep memory at a few MiB
/// whatever the index says.
///
/// The member is inflated twice: once to check its length and CRC-32 against the
/// index, then again to hand its pieces on, so that no byte of a damaged member
/// reaches a caller, as with members read whole.
final class PiecewiseInflater {
    static let pieceSize = 1 << 20
    /// zlib keeps a pointer back to its stream, so it lives on the heap.
    private let stream: UnsafeMutablePointer<z_stream>
    private var output = [UInt8](repeating: 0, count: pieceSize)

    init() throws {
        stream = .allocate(capacity: 1)
        stream.initialize(to: z_stream())
        // 16 + 15: a gzip header and trailer around a 32 KiB window; zlib checks the trailer.
        let status = CZlib_inflateInit2(stream, 16 + MAX_WBITS)
        guard status == Z_OK else {
            stream.deallocate()
            throw ArchiveError(.compression, "zlib inflateInit2 failed (\(status))")
        }
    }

    deinit {
        inflateEnd(stream)
        stream.deallocate()
    }

    /// Checks the member, then passes its bytes to `body` a piece at a time.
    func inflate(_ member: Member, from source: any ByteSource, what: @autoclosure () -> String,
                 _ body: ([UInt8]) throws -> Void) throws {
        do {
            try walk(member, from: source, delivering: false, body)
            try walk(member, from: source, delivering: true, body)
        } catch let error as ArchiveError where error.code == .memberDamaged {
            throw ArchiveError(.memberDamaged, "\(what()) is damaged: \(error.message)")
        }
    }

    private func walk(_ member: Member, from source: any ByteSource, delivering: Bool,
                      _ body: ([UInt8]) throws -> Void) throws {
        guard inflateReset(stream) == Z_OK else { throw ArchiveError(.compression, "zlib inflateReset failed") }
        let end = member.offset + member.length
        var position = member.offset
        var produced: UInt64 = 0
        var crc: UInt32 = 0
        var ended = false
        while !ended {
            guard position < end else { throw damaged("does not decompress (it ends early)") }
            let input = try source.read(at: position, count: Int(min(UInt64(Self.pieceSize), end - position)))
            position += UInt64(input.count)
            try input.withUnsafeBytes { raw in
                stream.pointee.next_in = UnsafeMutablePointer(mutating: raw.baseAddress?.assumingMemoryBound(to: Bytef.self))
                stream.pointee.avail_in = uInt(raw.count)
                repeat {
                    let status = output.withUnsafeMutableBytes { out in
                        stream.pointee.next_out = out.baseAddress?.assumingMemoryBound(to: Bytef.self)
                        stream.pointee.avail_out = uInt(out.count)
                        return CZlib.inflate(stream, Z_NO_FLUSH)
                    }
                    guard status == Z_OK || status == Z_STREAM_END || status == Z_BUF_ERROR else {
                        throw damaged("does not decompress (bad data or checksum)")
                    }
                    let count = Self.pieceSize - Int(stream.pointee.avail_out)
                    produced += UInt64(count)
                    guard produced <= member.uncompressedLength else { throw damaged("holds more data than the index says") }
                    if count > 0 {
                        crc = output.withUnsafeBytes { crc32(UnsafeRawBufferPointer(rebasing: $0[0..<count]), continuing: crc) }
                        if delivering { try body(Array(output[0..<count])) }
                    }
                    ended = status == Z_STREAM_END
                    if status == Z_BUF_ERROR { break }
                } while !ended && (stream.pointee.avail_in > 0 || stream.pointee.avail_out == 0)
            }
            guard !ended || (stream.pointee.avail_in == 0 && position == end) else {
                throw damaged("has a length other than the index says")
            }
        }
        guard produced == member.uncompressedLength else { throw damaged("has a length other than the index says") }
        guard crc == member.crc32 else { throw damaged("does not match the CRC-32 in the index") }
    }

    private func damaged(_ what: String) -> ArchiveError {
        ArchiveError(.memberDamaged, what)
    }
}
