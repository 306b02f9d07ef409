import Crypto
import ScalpelArchive

/// Passes an archive's bytes on and takes their SHA-256 as they go, so that backup
/// prints the checksum an operator records beside the file (`sha256sum` of it says
/// the same) without reading a large archive back.
final class DigestingSink: ByteSink {
    private let sink: any ByteSink
    private var hash = SHA256()

    init(_ sink: any ByteSink) {
        self.sink = sink
    }

    func write(_ bytes: UnsafeRawBufferPointer) throws {
        try sink.write(bytes)
        hash.update(bufferPointer: bytes)
    }

    /// Lower-case hex, as `sha256sum` prints it.
    func hexDigest() -> String {
        let digits = Array("0123456789abcdef".utf8)
        var text: [UInt8] = []
        for byte in hash.finalize() { text += [digits[Int(byte >> 4)], digits[Int(byte & 0x0F)]] }
        return String(decoding: text, as: UTF8.self)
    }
}
