/// What a progress line reports, apart from how and when it is drawn: kept as
/// plain values so that the line is a function of them and of the time passed.
struct ProgressState: Sendable, Equatable {
    /// The work under way: `data`, `dumping`, `checking`, ...
    var phase: String
    /// The phase's own words where it counts nothing (`locking public.t`).
    var detail: String?
    /// The tables (or other named items) in flight, in the order they started;
    /// the line names the first, which is the one the others started after.
    var active: [String] = []
    var bytes: UInt64 = 0
    /// Known only where the archive's index says (the bytes of the sections to read).
    var totalBytes: UInt64?
    var rows: UInt64?
    var totalRows: UInt64?
    /// Items done, of `totalItems`, in `unit` (`3 of 12 tables`).
    var items: Int = 0
    var totalItems: Int?
    var unit = "tables"
    /// Whatever else is worth a glance (`310.0 MiB written`).
    var note: String?

    init(phase: String) {
        self.phase = phase
    }
}

/// The line itself: phase and table, what is done of what, rate, and time left
/// where the total is known; e.g.
/// `data public.big: 120.0 MiB of 320.0 MiB (37%), 45.2 MiB/s, 4s left, 2 of 5 tables`.
enum ProgressLine {
    /// `elapsed`: seconds since the phase began, which the rate is over.
    static func text(_ state: ProgressState, elapsed: Double) -> String {
        var head = state.phase
        if let first = state.active.first {
            head += " " + printable(first) + (state.active.count > 1 ? " and \(state.active.count - 1) more" : "")
        }
        var parts: [String] = []
        if let detail = state.detail { parts.append(printable(detail)) }
        if state.bytes > 0 || state.totalBytes != nil {
            parts.append(formatBytes(state.bytes) + (state.totalBytes.map { " of \(formatBytes($0)) (\(percent(state.bytes, $0)))" } ?? ""))
        }
        if let rows = state.rows {
            parts.append("\(rows)" + (state.totalRows.map { " of \($0)" } ?? "") + " rows")
        }
        // The first second's rate is mostly start-up: no rate, no time left yet.
        if elapsed >= 1 {
            if state.bytes > 0 {
                let rate = Double(state.bytes) / elapsed
                parts.append(formatBytes(UInt64(rate)) + "/s")
                if let total = state.totalBytes, total > state.bytes {
                    parts.append(formatDuration(Double(total - state.bytes) / rate) + " left")
                }
            } else if let rows = state.rows, rows > 0 {
                let rate = Double(rows) / elapsed
                parts.append("\(UInt64(rate)) rows/s")
                if let total = state.totalRows, total > rows { parts.append(formatDuration(Double(total - rows) / rate) + " left") }
            }
        }
        // After the rate: a live line cut at the terminal's width keeps what matters most.
        if let total = state.totalItems { parts.append("\(state.items) of \(total) \(state.unit)") }
        if let note = state.note { parts.append(note) }
        return parts.isEmpty ? head : head + ": " + parts.joined(separator: ", ")
    }

    /// Whole percents, never 100% before the end: 99.6% done is not done.
    static func percent(_ done: UInt64, _ total: UInt64) -> String {
        guard total > 0 else { return "100%" }
        let value = Int(Double(min(done, total)) / Double(total) * 100)
        return "\(done < total ? min(value, 99) : 100)%"
    }
}

/// Times as a glance wants them: `42s`, `4m05s`, `2h03m`.
func formatDuration(_ seconds: Double) -> String {
    let whole = seconds.isFinite ? UInt64(max(seconds, 0).rounded()) : 0
    if whole < 60 { return "\(whole)s" }
    if whole < 3600 { return "\(whole / 60)m" + twoDigits(whole % 60) + "s" }
    return "\(whole / 3600)h" + twoDigits(whole / 60 % 60) + "m"
}

private func twoDigits(_ value: UInt64) -> String {
    value < 10 ? "0\(value)" : "\(value)"
}
