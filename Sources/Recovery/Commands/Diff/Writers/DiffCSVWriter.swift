import DumpParser

/// `--format csv`: one line per changed column, or per deleted or inserted row
/// (its values then as one JSON object, in `backup` or `production`): the key
/// columns first, so tools can sort and join on them. No summary: rows only.
final class DiffCSVWriter: DiffDetailWriter {
    private let layout: DiffLayout
    private let json: DiffJSONWriter
    private let transcoder: UTF8Transcoder?

    init(layout: DiffLayout, transcoder: UTF8Transcoder?) {
        self.layout = layout
        self.transcoder = transcoder
        json = DiffJSONWriter(layout: layout, transcoder: nil)
    }

    func header(_ summary: DiffSummary) -> [UInt8] {
        let names = ["change"] + layout.keyFields.map { layout.columns[$0] } + ["column", "backup", "production"]
        var output: [UInt8] = []
        for (position, name) in names.enumerated() {
            if position > 0 { output.append(UInt8(ascii: ",")) }
            Array(name.utf8).withUnsafeBytes { output.appendQuoted($0, quote: UInt8(ascii: "\"")) }
        }
        output.append(0x0A)
        return output
    }

    func write(_ detail: DiffDetail, number: Int, to output: inout [UInt8]) {
        let detail = detail.inUTF8(transcoder)
        let row = detail.row
        func start() {
            output += Array(detail.change.rawValue.utf8)
            for field in layout.keyFields {
                output.append(UInt8(ascii: ","))
                Self.field(row[field], to: &output)
            }
        }
        switch detail.change {
        case .deleted, .inserted:
            start()
            var object: [UInt8] = []
            json.rowObject(row, to: &object)
            output += Array(",,".utf8)
            if detail.change == .inserted { output.append(UInt8(ascii: ",")) }
            Self.field(object, to: &output)
            if detail.change == .deleted { output.append(UInt8(ascii: ",")) }
            output.append(0x0A)
        case .changed:
            for field in detail.changedColumns {
                start()
                output.append(UInt8(ascii: ","))
                Self.field(Array(layout.columns[field].utf8), to: &output)
                output.append(UInt8(ascii: ","))
                Self.field(detail.backup?[field] ?? nil, to: &output)
                output.append(UInt8(ascii: ","))
                Self.field(detail.production?[field] ?? nil, to: &output)
                output.append(0x0A)
            }
        }
    }

    /// As PostgreSQL's CSV: NULL is nothing, every value quoted (so an empty
    /// string is `""`, never confused with NULL).
    private static func field(_ value: [UInt8]?, to output: inout [UInt8]) {
        guard let value else { return }
        value.withUnsafeBytes { output.appendQuoted($0, quote: UInt8(ascii: "\"")) }
    }
}
