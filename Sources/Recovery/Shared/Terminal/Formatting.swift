import Glibc
import Support

/// Sizes as people read them: 1.5 MiB, 230 B.
func formatBytes(_ bytes: UInt64) -> String {
    let units = ["B", "KiB", "MiB", "GiB", "TiB"]
    var value = Double(bytes)
    var unit = 0
    while value >= 1024 && unit < units.count - 1 {
        value /= 1024
        unit += 1
    }
    return unit == 0 ? "\(bytes) B" : "\(decimal(value, places: 1)) \(units[unit])"
}

/// Columns padded to their widest cell; names with newlines or other control
/// characters are shown escaped (`printable`), so one row stays one line and lines up.
func formatTable(header: [String], rows: [[String]], rightAligned: Set<Int>) -> [String] {
    let cells = ([header] + rows).map { $0.map(printable) }
    var widths = Array(repeating: 0, count: header.count)
    for row in cells { for (column, cell) in row.enumerated() { widths[column] = max(widths[column], cell.count) } }
    return cells.map { row in
        row.enumerated().map { column, cell in
            let padding = String(repeating: " ", count: widths[column] - cell.count)
            return rightAligned.contains(column) ? padding + cell : cell + padding
        }.joined(separator: "  ").droppingTrailingSpaces()
    }
}

/// `value` with `places` decimals as printf's `%.Nf` writes it, which is what
/// `String(format:)` printed; FoundationEssentials has no `String(format:)`.
func decimal(_ value: Double, places: Int) -> String {
    let format = "%.\(places)f"
    let length = withVaList([value]) { vsnprintf(nil, 0, format, $0) }
    var text = [CChar](repeating: 0, count: Int(length) + 1)
    _ = withVaList([value]) { vsnprintf(&text, text.count, format, $0) }
    return text.withUnsafeBufferPointer { String(cString: $0.baseAddress!) }
}

private extension String {
    /// Only the padding after the last cell: a right-aligned first column keeps its own.
    func droppingTrailingSpaces() -> String {
        String(self[..<(lastIndex { $0 != " " }.map(index(after:)) ?? startIndex)])
    }
}
