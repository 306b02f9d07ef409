import ScalpelArchive

/// Output collected into one buffer and handed to the sink a mebibyte at a time:
/// rows are a few dozen bytes, and a write call per row would cost more than
/// formatting them.
final class ExportBuffer {
    /// Writers append here directly.
    var bytes: [UInt8] = []
    private let sink: any ByteSink
    private static let flushSize = 1 << 20

    init(sink: any ByteSink) {
        self.sink = sink
        bytes.reserveCapacity(Self.flushSize + (Self.flushSize >> 2))
    }

    func flushIfFull() throws {
        if bytes.count >= Self.flushSize { try flush() }
    }

    func flush() throws {
        guard !bytes.isEmpty else { return }
        try bytes.withUnsafeBytes { try sink.write($0) }
        bytes.removeAll(keepingCapacity: true)
    }
}
