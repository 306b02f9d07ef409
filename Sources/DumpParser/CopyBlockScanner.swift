/// Counts the data lines of one `COPY ... FROM stdin` block and finds its `\.`
/// line. Only line ends matter here (a newline inside a value is written as
/// `\n`), so each line costs one memchr; the `\.` test looks at the first
/// bytes of a line only and survives chunk boundaries anywhere.
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

    /// Consumes data lines from `start`; returns the index just past the `\.`
    /// line, or nil when every byte was data.
    mutating func scan(_ buffer: UnsafeRawBufferPointer, from start: Int) -> Int? {
        var i = start
        let count = buffer.count
        while i < count {
            let byte = buffer[i]
            switch line {
            case .middle:
                guard let end = buffer.index(of: ASCII.newline, from: i) else { return nil }
                rows += 1
                line = .start
                i = end + 1
                continue
            case .start:
                if byte == ASCII.backslash {
                    line = .backslash
                } else if byte == ASCII.newline {
                    rows += 1
                } else {
                    line = .middle
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
            rows += 1
            line = .start
        } else {
            line = .middle
        }
    }
}
