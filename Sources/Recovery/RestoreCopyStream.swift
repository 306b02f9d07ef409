#if canImport(Glibc)
import Glibc
#endif

/// The COPY data of a `TABLE DATA` section, found as its members arrive: what
/// follows the `COPY ... FROM stdin;` statement, up to the `\.` line, wherever
/// the member boundaries fall (in a row, in the statement, between `\` and `.`).
/// Only the header before the data is ever held in memory.
///
/// COPY text escapes every backslash in a value, so a line that starts with
/// `\.` can only be the terminator.
struct RestoreCopyStream {
    private enum Phase { case header, data, done }
    private var phase = Phase.header
    private var header: [UInt8] = []
    private var atLineStart = true
    /// A chunk ended just after a `\` at the start of a line: written once the
    /// next byte shows whether it starts the terminator.
    private var heldBackslash = false
    private let label: String

    init(label: String) {
        self.label = label
    }

    var isComplete: Bool { phase == .done }

    mutating func feed(_ chunk: [UInt8], _ write: (UnsafeRawBufferPointer) throws -> Void) throws {
        var start = 0
        if phase == .header {
            header += chunk
            guard let dataStart = try dataOffset() else {
                guard header.count < 1 << 22 else { throw RestoreError("\(label): no COPY statement in its first 4 MiB") }
                return
            }
            start = dataStart - (header.count - chunk.count)
            header = []
            phase = .data
        }
        guard phase == .data else { return }
        try chunk.withUnsafeBytes { try stream($0, from: start, write) }
    }

    /// Where the data starts in `header`: after the line feed that ends the
    /// `COPY` statement, once it has arrived. Only `SET`s and comments may come before it.
    private func dataOffset() throws -> Int? {
        var search = 0
        while let semicolon = header[search...].firstIndex(of: UInt8(ascii: ";")) {
            search = semicolon + 1
            guard semicolon + 1 < header.count else { return nil }
            guard header[semicolon + 1] == UInt8(ascii: "\n") else { continue }
            let statements = RestoreSQLStatement.split(Array(header[...semicolon]))
            guard let copy = statements.last, copy.tokens.last?.kind == .semicolon,
                  copy.tokens.last?.range.lowerBound == semicolon else { continue }
            guard copy.firstWord == "copy", statements.dropLast().allSatisfy({ $0.firstWord == "set" }) else {
                throw RestoreError("\(label) is not a COPY block")
            }
            return semicolon + 2
        }
        return nil
    }

    private mutating func stream(_ bytes: UnsafeRawBufferPointer, from start: Int,
                                 _ write: (UnsafeRawBufferPointer) throws -> Void) throws {
        var position = start
        if heldBackslash && position < bytes.count {
            heldBackslash = false
            if bytes[position] == UInt8(ascii: ".") {
                phase = .done
                return
            }
            try [UInt8(ascii: "\\")].withUnsafeBytes(write)
            atLineStart = false
        }
        while position < bytes.count {
            if atLineStart && bytes[position] == UInt8(ascii: "\\") {
                if position + 1 == bytes.count {
                    try write(UnsafeRawBufferPointer(rebasing: bytes[start..<position]))
                    heldBackslash = true
                    return
                }
                if bytes[position + 1] == UInt8(ascii: ".") {
                    try write(UnsafeRawBufferPointer(rebasing: bytes[start..<position]))
                    phase = .done
                    return
                }
            }
            guard let newline = memchr(bytes.baseAddress! + position, Int32(UInt8(ascii: "\n")), bytes.count - position) else {
                atLineStart = false
                break
            }
            position = UnsafeRawPointer(newline) - bytes.baseAddress! + 1
            atLineStart = true
        }
        try write(UnsafeRawBufferPointer(rebasing: bytes[start...]))
    }
}
