import Foundation

/// Sizes as people read them: 1.5 MiB, 230 B.
func formatBytes(_ bytes: UInt64) -> String {
    let units = ["B", "KiB", "MiB", "GiB", "TiB"]
    var value = Double(bytes)
    var unit = 0
    while value >= 1024 && unit < units.count - 1 {
        value /= 1024
        unit += 1
    }
    return unit == 0 ? "\(bytes) B" : String(format: "%.1f %@", value, units[unit])
}

/// Columns padded to their widest cell; names with newlines are shown escaped so one row stays one line.
func formatTable(header: [String], rows: [[String]], rightAligned: Set<Int>) -> [String] {
    let cells = ([header] + rows).map { $0.map { $0.replacingOccurrences(of: "\n", with: "\\n") } }
    var widths = Array(repeating: 0, count: header.count)
    for row in cells { for (column, cell) in row.enumerated() { widths[column] = max(widths[column], cell.count) } }
    return cells.map { row in
        row.enumerated().map { column, cell in
            let padding = String(repeating: " ", count: widths[column] - cell.count)
            return rightAligned.contains(column) ? padding + cell : cell + padding
        }.joined(separator: "  ").trimmingCharacters(in: .whitespaces)
    }
}
