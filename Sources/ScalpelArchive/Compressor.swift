import CDeflate
import CZlib

/// Which DEFLATE implementation compresses members. Both produce standard raw
/// DEFLATE; libdeflate is the default because it is 2-2.5x faster here at the same
/// ratio (docs/BENCHMARKS.md). zlib stays selectable so the choice can be re-measured.
public enum CompressionBackend: String, Sendable, CaseIterable {
    case libdeflate
    case zlib
}

/// Compresses one whole member at a time: every member is independent, so a
/// whole-buffer compressor is all the format needs.
protocol RawDeflater: AnyObject {
    func deflate(_ input: UnsafeRawBufferPointer) throws -> [UInt8]
}

func makeDeflater(_ backend: CompressionBackend, level: Int) throws -> any RawDeflater {
    switch backend {
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

/// CRC-32 as gzip defines it (libdeflate's implementation, which uses the CPU's carry-less multiply).
public func crc32(_ bytes: UnsafeRawBufferPointer, continuing crc: UInt32 = 0) -> UInt32 {
    libdeflate_crc32(crc, bytes.baseAddress, bytes.count)
}

public func crc32(_ bytes: [UInt8], continuing crc: UInt32 = 0) -> UInt32 {
    bytes.withUnsafeBytes { crc32($0, continuing: crc) }
}
