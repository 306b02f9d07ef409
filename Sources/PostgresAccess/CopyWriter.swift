import CLibPQ

/// The data side of `Connection.copyIn`. Noncopyable and lent to the body
/// only, so it cannot outlive the COPY it writes to.
///
/// Writes go to libpq's output buffer and are sent as it fills, so any
/// chunking works: whole rows, partial rows, megabytes at once.
public struct CopyWriter: ~Copyable {
    private let connection: Connection

    init(connection: Connection) {
        self.connection = connection
    }

    public func write(_ bytes: UnsafeRawBufferPointer) throws {
        guard var base = bytes.baseAddress?.assumingMemoryBound(to: CChar.self) else {
            return
        }
        var remaining = bytes.count
        while remaining > 0 {
            let length = min(remaining, Int(Int32.max))
            guard PQputCopyData(connection.handle, base, Int32(length)) == 1 else {
                throw connection.failedCopy()
            }
            base += length
            remaining -= length
        }
    }

    public func write(_ bytes: [UInt8]) throws {
        try bytes.withUnsafeBytes { try write($0) }
    }

    public func write(_ text: String) throws {
        var text = text
        try text.withUTF8 { try write(UnsafeRawBufferPointer($0)) }
    }
}
