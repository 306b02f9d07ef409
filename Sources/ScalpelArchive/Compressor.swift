import CDeflate
import CIsal
import CZlib

/// Which DEFLATE implementation compresses members. All produce standard raw
/// DEFLATE, so readers never care. The default, `adaptive` at level 3, is
/// libdeflate's level 3 except on very redundant members, which ISA-L compresses
/// as small for a tenth of the CPU (`AdaptiveDeflater`). libdeflate's level 3 stays
/// within 1% of `gzip -6`'s size on both benchmark dumps, including one of
/// embedding vectors written as float text, where ISA-L's best level is 7% larger.
/// Level 2 costs a little less CPU but only just matches `gzip -6` on the vectors,
/// with no margin for data less kind (docs/BENCHMARKS.md). The others stay
/// selectable so the choice can be re-measured.
public enum CompressionBackend: String, Sendable, CaseIterable {
    case adaptive
    case isal
    case libdeflate
    case zlib

    /// The backend the benchmarks chose.
    public static let standard = CompressionBackend.adaptive

    /// The level used unless one is asked for: the chosen 3 for libdeflate (alone
    /// or in `adaptive`), ISA-L's best, zlib's usual 6.
    public var defaultLevel: Int {
        switch self {
        case .adaptive, .libdeflate: return 3
        case .isal: return 3
        case .zlib: return 6
        }
    }

    /// The levels this implementation accepts; `adaptive`'s are libdeflate's.
    public var levels: ClosedRange<Int> {
        switch self {
        case .isal: return 1...3
        case .adaptive, .libdeflate: return 1...12
        case .zlib: return 1...9
        }
    }
}

/// Compresses one whole member at a time: every member is independent, so a
/// whole-buffer compressor is all the format needs.
protocol RawDeflater: AnyObject {
    func deflate(_ input: UnsafeRawBufferPointer) throws -> [UInt8]
}

func makeDeflater(_ backend: CompressionBackend, level: Int) throws -> any RawDeflater {
    switch backend {
    case .adaptive: return try AdaptiveDeflater(level: level)
    case .isal: return try IsalDeflater(level: level)
    case .libdeflate: return try LibdeflateDeflater(level: level)
    case .zlib: return try ZlibDeflater(level: level)
    }
}

final class LibdeflateDeflater: RawDeflater {
    private let compressor: OpaquePointer

    init(level: Int) throws {
        guard let compressor = libdeflate_alloc_compressor(Int32(level)) else {
            throw ArchiveError(.compression, "libdeflate does not support compression level \(level)")
        }
        self.compressor = compressor
    }

    deinit { libdeflate_free_compressor(compressor) }

    func deflate(_ input: UnsafeRawBufferPointer) throws -> [UInt8] {
        let bound = libdeflate_deflate_compress_bound(compressor, input.count)
        return try [UInt8](unsafeUninitializedCapacity: bound) { out, written in
            let n = libdeflate_deflate_compress(compressor, input.baseAddress, input.count, out.baseAddress, bound)
            guard n > 0 || input.isEmpty else {
                throw ArchiveError(.compression, "libdeflate could not compress a member of \(input.count) bytes")
            }
            written = n
        }
    }
}

/// zlib keeps a pointer back to its stream, so the `z_stream` lives on the heap
/// for the deflater's whole life and is reset between members.
final class ZlibDeflater: RawDeflater {
    private let stream: UnsafeMutablePointer<z_stream>

    init(level: Int) throws {
        stream = .allocate(capacity: 1)
        stream.initialize(to: z_stream())
        let status = CZlib_deflateInit2(stream, Int32(level), -MAX_WBITS, 8)
        guard status == Z_OK else {
            stream.deallocate()
            throw ArchiveError(.compression, "zlib deflateInit2 failed (\(status))")
        }
    }

    deinit {
        deflateEnd(stream)
        stream.deallocate()
    }

    func deflate(_ input: UnsafeRawBufferPointer) throws -> [UInt8] {
        deflateReset(stream)
        let bound = Int(deflateBound(stream, uLong(input.count)))
        return try [UInt8](unsafeUninitializedCapacity: bound) { out, written in
            stream.pointee.next_in = UnsafeMutablePointer(mutating: input.baseAddress?.assumingMemoryBound(to: Bytef.self))
            stream.pointee.avail_in = uInt(input.count)
            stream.pointee.next_out = out.baseAddress
            stream.pointee.avail_out = uInt(bound)
            let status = CZlib.deflate(stream, Z_FINISH)
            guard status == Z_STREAM_END else {
                throw ArchiveError(.compression, "zlib deflate failed (\(status))")
            }
            written = bound - Int(stream.pointee.avail_out)
        }
    }
}

/// ISA-L keeps pointers into its stream and level buffer, so both live on the
/// heap for the deflater's whole life; the stream is reset between members.
final class IsalDeflater: RawDeflater {
    private let stream: UnsafeMutablePointer<isal_zstream>
    private let levelBuffer: UnsafeMutableRawBufferPointer
    private let level: Int

    init(level: Int) throws {
        guard CompressionBackend.isal.levels.contains(level) else {
            throw ArchiveError(.compression, "ISA-L does not support compression level \(level)")
        }
        self.level = level
        stream = .allocate(capacity: 1)
        levelBuffer = .allocate(byteCount: Int(CIsal_levelBufferSize(Int32(level))), alignment: 64)
    }

    deinit {
        stream.deallocate()
        levelBuffer.deallocate()
    }

    func deflate(_ input: UnsafeRawBufferPointer) throws -> [UInt8] {
        isal_deflate_init(stream)
        stream.pointee.level = UInt32(level)
        stream.pointee.level_buf = levelBuffer.baseAddress?.assumingMemoryBound(to: UInt8.self)
        stream.pointee.level_buf_size = UInt32(levelBuffer.count)
        stream.pointee.end_of_stream = 1
        stream.pointee.flush = UInt16(NO_FLUSH)
        stream.pointee.next_in = UnsafeMutablePointer(mutating: input.baseAddress?.assumingMemoryBound(to: UInt8.self))
        stream.pointee.avail_in = UInt32(input.count)
        // Stored blocks bound DEFLATE's growth: 5 bytes per 64 KiB block, plus the final block's header.
        let bound = input.count + (input.count >> 12) + 1024
        return try [UInt8](unsafeUninitializedCapacity: bound) { out, written in
            stream.pointee.next_out = out.baseAddress
            stream.pointee.avail_out = UInt32(bound)
            let status = isal_deflate(stream)
            guard status == COMP_OK, stream.pointee.internal_state.state == ZSTATE_END else {
                throw ArchiveError(.compression, "ISA-L could not compress a member of \(input.count) bytes (\(status))")
            }
            written = bound - Int(stream.pointee.avail_out)
        }
    }
}

/// CRC-32 as gzip defines it (libdeflate's implementation, which uses the CPU's carry-less multiply).
public func crc32(_ bytes: UnsafeRawBufferPointer, continuing crc: UInt32 = 0) -> UInt32 {
    libdeflate_crc32(crc, bytes.baseAddress, bytes.count)
}

public func crc32(_ bytes: [UInt8], continuing crc: UInt32 = 0) -> UInt32 {
    bytes.withUnsafeBytes { crc32($0, continuing: crc) }
}
