import DumpParser
import ScalpelArchive

/// A `TABLE DATA` section's COPY data as whole lines, which `export` decodes one
/// at a time. Members end anywhere, even inside a line: only the unfinished line
/// is carried over, so memory stays at one member plus the longest row. COPY text
/// escapes line breaks inside values, so every line feed ends a line.
struct SectionCopyLines {
    private var data: SectionCopyData<ArchiveError>
    private var carried: [UInt8] = []

    init(label: String) {
        data = SectionCopyData(label: label)
    }

    /// `statement` gets the COPY statement, `row` each data line without its line feed.
    mutating func consume(_ chunk: UnsafeRawBufferPointer,
                          statement: ([UInt8]) throws -> Void,
                          row: (UnsafeRawBufferPointer) throws -> Void) throws {
        var carried: [UInt8] = []
        swap(&carried, &self.carried)
        defer { swap(&carried, &self.carried) }
        try data.feed(chunk, statement: statement) { bytes in
            var position = 0
            if !carried.isEmpty {
                guard let end = bytes.index(of: 0x0A, from: 0) else {
                    carried.append(contentsOf: bytes)
                    return
                }
                carried.append(contentsOf: UnsafeRawBufferPointer(rebasing: bytes[0..<end]))
                try carried.withUnsafeBytes(row)
                carried.removeAll(keepingCapacity: true)
                position = end + 1
            }
            while position < bytes.count {
                guard let end = bytes.index(of: 0x0A, from: position) else {
                    carried.append(contentsOf: UnsafeRawBufferPointer(rebasing: bytes[position...]))
                    return
                }
                try row(UnsafeRawBufferPointer(rebasing: bytes[position..<end]))
                position = end + 1
            }
        }
    }

    /// Fails unless the section held a whole COPY block.
    func finish() throws {
        try data.finish()
    }
}

extension ArchiveError: CopyDataFailure {
    static func noCopyData(in label: String) -> ArchiveError {
        ArchiveError(.sectionNotFound, "\(label) holds no COPY data (a dump made with --inserts?): export reads COPY data only")
    }

    static func unterminated(_ label: String) -> ArchiveError {
        ArchiveError(.truncated, "\(label) ends before the \\. line that closes its COPY data")
    }
}
