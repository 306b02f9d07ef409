/// The writers one read of the rows feeds: one per format, each with its own
/// buffer and file, so that CSV and JSON Lines of the same rows cost one pass over
/// the archive (or the server) rather than one per format.
final class ExportOutputs {
    private let outputs: [(writer: any ExportRowWriter, buffer: ExportBuffer)]

    init(_ outputs: [(writer: any ExportRowWriter, buffer: ExportBuffer)]) {
        self.outputs = outputs
    }

    func start(columns: [String]) {
        for output in outputs { output.writer.start(columns: columns, to: &output.buffer.bytes) }
    }

    func startBlock(_ statement: ExportCopyStatement, columns: [String], sectionColumns: [String]) {
        for output in outputs {
            output.writer.startBlock(statement, columns: columns, sectionColumns: sectionColumns, to: &output.buffer.bytes)
        }
    }

    func write(_ row: ExportRow, fields: [Int]) throws {
        for output in outputs {
            output.writer.write(row, fields: fields, to: &output.buffer.bytes)
            try output.buffer.flushIfFull()
        }
    }

    func endBlock() {
        for output in outputs { output.writer.endBlock(to: &output.buffer.bytes) }
    }

    func flush() throws {
        for output in outputs { try output.buffer.flush() }
    }
}
