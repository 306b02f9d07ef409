#if canImport(Glibc)
import Glibc
#endif
import ScalpelArchive

/// Cuts a `TABLE DATA` section, fed member by member, into its `COPY ... FROM stdin;`
/// line and its data lines up to `\.`. Members end anywhere, even inside a line:
/// only the unfinished line is carried over, so memory stays at one member plus
/// the longest row. COPY text escapes line breaks inside values, so every line
/// feed ends a line.
struct ExportCopyStream {
    private enum State { case beforeCopy, data, finished }

    private let label: String
    private var state = State.beforeCopy
    private var carried: [UInt8] = []

    init(label: String) {
        self.label = label
    }

    /// `statement` gets the COPY line, `row` each data line; both without the line feed.
    mutating func consume(_ chunk: UnsafeRawBufferPointer,
                          statement: (UnsafeRawBufferPointer) throws -> Void,
                          row: (UnsafeRawBufferPointer) throws -> Void) throws {
        guard let base = chunk.baseAddress, state != .finished else { return }
        var position = 0
        if !carried.isEmpty {
            guard let newline = memchr(base, 0x0A, chunk.count) else {
                carried.append(contentsOf: chunk)
                return
            }
            let end = base.distance(to: UnsafeRawPointer(newline))
            carried.append(contentsOf: UnsafeRawBufferPointer(rebasing: chunk[0..<end]))
            let line = carried
            carried.removeAll(keepingCapacity: true)
            try line.withUnsafeBytes { try handle($0, statement: statement, row: row) }
            position = end + 1
        }
        while position < chunk.count, state != .finished {
            guard let newline = memchr(base + position, 0x0A, chunk.count - position) else {
                carried.append(contentsOf: UnsafeRawBufferPointer(rebasing: chunk[position...]))
                return
            }
            let end = base.distance(to: UnsafeRawPointer(newline))
            try handle(UnsafeRawBufferPointer(rebasing: chunk[position..<end]), statement: statement, row: row)
            position = end + 1
        }
    }

    /// Fails unless the section held a whole COPY block.
    func finish() throws {
        switch state {
        case .finished: return
        case .beforeCopy:
            throw ArchiveError(.sectionNotFound, "\(label) holds no COPY data (a dump made with --inserts?): export reads COPY data only")
        case .data:
            throw ArchiveError(.truncated, "\(label) ends before the \\. line that closes its COPY data")
        }
    }

    private mutating func handle(_ line: UnsafeRawBufferPointer,
                                 statement: (UnsafeRawBufferPointer) throws -> Void,
                                 row: (UnsafeRawBufferPointer) throws -> Void) throws {
        switch state {
        case .beforeCopy:
            if line.starts(with: "COPY ".utf8) {
                state = .data
                try statement(line)
            }
        case .data:
            if line.count == 2 && line[0] == 0x5C && line[1] == 0x2E {
                state = .finished
            } else {
                try row(line)
            }
        case .finished:
            return
        }
    }
}
