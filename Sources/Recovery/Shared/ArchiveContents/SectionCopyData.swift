import DumpParser

/// How a command words what is wrong with a `TABLE DATA` section, so that one
/// reader serves `export` (archive errors) and `restore` (its own).
protocol CopyDataFailure: Error {
    static func noCopyData(in label: String) -> Self
    static func unterminated(_ label: String) -> Self
}

/// The COPY data of a `TABLE DATA` section, found as its members arrive: what
/// follows the `COPY ... FROM stdin;` statement, up to the `\.` line, wherever
/// the member boundaries fall (in a row, in the statement, between `\` and `.`).
/// Only what comes before the data is ever held in memory, so a table of any
/// size streams through.
///
/// COPY text escapes every backslash in a value, so a line that starts with
/// `\.` can only be the terminator.
struct SectionCopyData<Failure: CopyDataFailure> {
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

    /// `statement` gets the COPY statement, from `COPY` to its `;`; `data` the
    /// bytes after it, whole lines or not, as they arrive.
    mutating func feed(_ chunk: UnsafeRawBufferPointer, statement: ([UInt8]) throws -> Void = { _ in },
                       data: (UnsafeRawBufferPointer) throws -> Void) throws {
        var start = 0
        if phase == .header {
            header.append(contentsOf: chunk)
            guard let (copy, dataStart) = try copyStatement() else {
                guard header.count < 1 << 22 else { throw Failure.noCopyData(in: label) }
                return
            }
            try statement(copy)
            start = dataStart - (header.count - chunk.count)
            header = []
            phase = .data
        }
        guard phase == .data else { return }
        try stream(chunk, from: start, data)
    }

    /// Fails unless the section held a whole COPY block.
    func finish() throws {
        switch phase {
        case .done: return
        case .header: throw Failure.noCopyData(in: label)
        case .data: throw Failure.unterminated(label)
        }
    }

    /// The COPY statement in `header` and where its data starts, after the line
    /// feed that ends it, once it has arrived. Only `SET`s and comments may come before it.
    private func copyStatement() throws -> ([UInt8], Int)? {
        var search = 0
        while let semicolon = header[search...].firstIndex(of: UInt8(ascii: ";")) {
            search = semicolon + 1
            guard semicolon + 1 < header.count else { return nil }
            guard header[semicolon + 1] == UInt8(ascii: "\n") else { continue }
            let statements = SectionStatement.split(Array(header[...semicolon]))
            guard let copy = statements.last, copy.tokens.last?.kind == .semicolon,
                  copy.tokens.last?.range.lowerBound == semicolon, copy.firstWord != "set" else { continue }
            guard copy.firstWord == "copy", statements.dropLast().allSatisfy({ $0.firstWord == "set" }) else {
                throw Failure.noCopyData(in: label)
            }
            return (Array(header[copy.tokens[0].range.lowerBound...semicolon]), semicolon + 2)
        }
        return nil
    }

    private mutating func stream(_ bytes: UnsafeRawBufferPointer, from start: Int,
                                 _ data: (UnsafeRawBufferPointer) throws -> Void) throws {
        var position = start
        if heldBackslash && position < bytes.count {
            heldBackslash = false
            if bytes[position] == UInt8(ascii: ".") {
                phase = .done
                return
            }
            try [UInt8(ascii: "\\")].withUnsafeBytes(data)
            atLineStart = false
        }
        while position < bytes.count {
            if atLineStart && bytes[position] == UInt8(ascii: "\\") {
                if position + 1 == bytes.count {
                    try data(UnsafeRawBufferPointer(rebasing: bytes[start..<position]))
                    heldBackslash = true
                    return
                }
                if bytes[position + 1] == UInt8(ascii: ".") {
                    try data(UnsafeRawBufferPointer(rebasing: bytes[start..<position]))
                    phase = .done
                    return
                }
            }
            guard let newline = bytes.index(of: UInt8(ascii: "\n"), from: position) else {
                atLineStart = false
                break
            }
            position = newline + 1
            atLineStart = true
        }
        try data(UnsafeRawBufferPointer(rebasing: bytes[start...]))
    }
}
