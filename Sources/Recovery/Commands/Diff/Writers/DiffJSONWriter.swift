import DumpParser
import FoundationEssentials

/// `--format json`: one document, the summary first, then the listed differences,
/// values as JSON strings (their text under the compared session settings) or null.
final class DiffJSONWriter: DiffDetailWriter {
    private let layout: DiffLayout
    private let transcoder: UTF8Transcoder?

    init(layout: DiffLayout, transcoder: UTF8Transcoder?) {
        self.layout = layout
        self.transcoder = transcoder
    }

    func header(_ summary: DiffSummary) -> [UInt8] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let encoded = (try? encoder.encode(summary)).map { Array($0) } ?? Array("{}".utf8)
        return Array("{\"summary\":".utf8) + encoded + Array(",\"differences\":[".utf8)
    }

    func write(_ detail: DiffDetail, number: Int, to output: inout [UInt8]) {
        let detail = detail.inUTF8(transcoder)
        if number > 0 { output.append(UInt8(ascii: ",")) }
        output += Array("\n{\"change\":\"\(detail.change.rawValue)\",\"key\":".utf8)
        object(layout.keyFields, detail.row, to: &output)
        switch detail.change {
        case .deleted:
            output += Array(",\"backup\":".utf8)
            rowObject(detail.row, to: &output)
        case .inserted:
            output += Array(",\"production\":".utf8)
            rowObject(detail.row, to: &output)
        case .changed:
            output += Array(",\"columns\":{".utf8)
            for (position, field) in detail.changedColumns.enumerated() {
                if position > 0 { output.append(UInt8(ascii: ",")) }
                JSONText.appendString(layout.columns[field], to: &output)
                output += Array(":{\"backup\":".utf8)
                value(detail.backup?[field] ?? nil, to: &output)
                output += Array(",\"production\":".utf8)
                value(detail.production?[field] ?? nil, to: &output)
                output.append(UInt8(ascii: "}"))
            }
            output.append(UInt8(ascii: "}"))
        }
        output.append(UInt8(ascii: "}"))
    }

    func footer(_ summary: DiffSummary) -> [UInt8] {
        Array("\n]}\n".utf8)
    }

    /// Every compared column of `row`, as one JSON object.
    func rowObject(_ row: [[UInt8]?], to output: inout [UInt8]) {
        object(Array(layout.columns.indices), row, to: &output)
    }

    private func object(_ fields: [Int], _ row: [[UInt8]?], to output: inout [UInt8]) {
        output.append(UInt8(ascii: "{"))
        for (position, field) in fields.enumerated() {
            if position > 0 { output.append(UInt8(ascii: ",")) }
            JSONText.appendString(layout.columns[field], to: &output)
            output.append(UInt8(ascii: ":"))
            value(row[field], to: &output)
        }
        output.append(UInt8(ascii: "}"))
    }

    private func value(_ value: [UInt8]?, to output: inout [UInt8]) {
        guard let value else {
            output += Array("null".utf8)
            return
        }
        value.withUnsafeBytes { JSONText.appendString($0, to: &output) }
    }
}
