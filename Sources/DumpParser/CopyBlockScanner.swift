/// Counts the data lines of one `COPY ... FROM stdin` block and finds its `\.`
/// line. Only line ends matter here (a newline inside a value is written as
/// `\n`), so each line costs one memchr; the `\.` test looks at the first
/// bytes of a line only and survives chunk boundaries anywhere.
///
/// Given the number of columns, it also counts each line's fields (a tab inside
/// a value is written as `\t`, so every tab separates two), for readers that
/// must not take a damaged row for one that is merely different. The writers
/// (`pack`, `backup`) read pg_dump's own output and leave that off.
struct CopyBlockScanner: Sendable {
    private enum LineState: Sendable {
        case start
        case middle
        case backslash
        case backslashDot
        case backslashDotReturn
    }

    private(set) var rows: UInt64 = 0
    private var line = LineState.start
    /// Tabs a line must have: one fewer than the columns; nil when not checked.
    private let expectedTabs: Int?
    private var tabs = 0
    /// The first line whose field count is wrong: its row number (from 1) and fields.
    private(set) var malformedRow: (row: UInt64, fields: Int)?

    init(columns: Int? = nil) {
        expectedTabs = columns.map { max(0, $0 - 1) }
    }

    /// Consumes data lines from `start`; returns the index just past the `\.`
    /// line, or nil when every byte was data.
    mutating func scan(_ buffer: UnsafeRawBufferPointer, from start: Int) -> Int? {
        var i = start
        let count = buffer.count
        while i < count {
            let byte = buffer[i]
            switch line {
            case .middle:
                guard let end = buffer.index(of: ASCII.newline, from: i) else {
                    if expectedTabs != nil { tabs += buffer.count(of: ASCII.tab, in: i..<count) }
                    return nil
                }
                if expectedTabs != nil { tabs += buffer.count(of: ASCII.tab, in: i..<end) }
                endRow()
                line = .start
                i = end + 1
                continue
            case .start:
                if byte == ASCII.backslash {
                    line = .backslash
                } else if byte == ASCII.newline {
                    endRow()
                } else {
                    line = .middle
                    // The memchr of `.middle` starts after this byte.
                    if byte == ASCII.tab { tabs += 1 }
                }
            case .backslash:
                if byte == ASCII.dot {
                    line = .backslashDot
                } else {
                    endLineUnlessData(byte)
                }
            case .backslashDot:
                if byte == ASCII.newline { return i + 1 }
                if byte == ASCII.carriageReturn {
                    line = .backslashDotReturn
                } else {
                    line = .middle
                    if byte == ASCII.tab { tabs += 1 }
                }
            case .backslashDotReturn:
                if byte == ASCII.newline { return i + 1 }
                endLineUnlessData(byte)
            }
            i += 1
        }
        return nil
    }

    /// The stream ended right after a `\.` that lacks its newline: psql accepts that too.
    var endsWithTerminator: Bool {
        line == .backslashDot || line == .backslashDotReturn
    }

    private mutating func endLineUnlessData(_ byte: UInt8) {
        if byte == ASCII.newline {
            endRow()
            line = .start
        } else {
            line = .middle
            if byte == ASCII.tab { tabs += 1 }
        }
    }

    private mutating func endRow() {
        rows += 1
        if let expectedTabs, tabs != expectedTabs, malformedRow == nil {
            malformedRow = (rows, tabs + 1)
        }
        tabs = 0
    }
}
