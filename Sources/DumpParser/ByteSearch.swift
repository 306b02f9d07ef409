import Glibc

extension UnsafeRawBufferPointer {
    /// The index of the first `byte` at or after `start`. Goes through libc's
    /// memchr, which is vectorised: this is what keeps COPY data and long
    /// string literals at memory speed.
    @inlinable
    public func index(of byte: UInt8, from start: Int) -> Int? {
        guard start < count, let base = baseAddress else { return nil }
        guard let hit = memchr(base + start, Int32(byte), count - start) else { return nil }
        return base.distance(to: UnsafeRawPointer(hit))
    }
}

extension UnsafeRawBufferPointer {
    /// How many bytes in `range` equal `byte`, eight at a time: a zero byte of
    /// `word ^ pattern` sets exactly its own high bit in the expression below
    /// (no carry crosses bytes), so a population count counts them.
    func count(of byte: UInt8, in range: Range<Int>) -> Int {
        let pattern = UInt64(byte) &* 0x0101_0101_0101_0101
        let low7: UInt64 = 0x7F7F_7F7F_7F7F_7F7F
        var found = 0
        var i = range.lowerBound
        while i + 8 <= range.upperBound {
            let word = loadUnaligned(fromByteOffset: i, as: UInt64.self) ^ pattern
            found += (~(((word & low7) &+ low7) | word) & ~low7).nonzeroBitCount
            i += 8
        }
        while i < range.upperBound {
            if self[i] == byte { found += 1 }
            i += 1
        }
        return found
    }
}

extension ArraySlice<UInt8> {
    /// Where `pattern` occurs, left to right, without overlaps. Header lines
    /// and patterns are short, so a direct comparison is the fastest search.
    func occurrences(of pattern: [UInt8]) -> [Range<Int>] {
        guard let first = pattern.first, count >= pattern.count else { return [] }
        var found: [Range<Int>] = []
        var i = startIndex
        while i <= endIndex - pattern.count {
            if self[i] == first, self[i..<i + pattern.count].elementsEqual(pattern) {
                found.append(i..<i + pattern.count)
                i += pattern.count
            } else {
                i += 1
            }
        }
        return found
    }
}

enum ASCII {
    static let newline: UInt8 = 0x0A
    static let carriageReturn: UInt8 = 0x0D
    static let tab: UInt8 = 0x09
    static let space: UInt8 = 0x20
    static let formFeed: UInt8 = 0x0C
    static let backslash: UInt8 = 0x5C
    static let dot: UInt8 = 0x2E
    static let dash: UInt8 = 0x2D
    static let slash: UInt8 = 0x2F
    static let star: UInt8 = 0x2A
    static let semicolon: UInt8 = 0x3B
    static let singleQuote: UInt8 = 0x27
    static let doubleQuote: UInt8 = 0x22
    static let dollar: UInt8 = 0x24
    static let openParen: UInt8 = 0x28
    static let closeParen: UInt8 = 0x29
    static let comma: UInt8 = 0x2C

    @inline(__always)
    static func isSpace(_ byte: UInt8) -> Bool {
        byte == space || byte == tab || byte == newline || byte == carriageReturn || byte == formFeed
    }

    /// A byte that can continue an unquoted SQL identifier or keyword
    /// (high-bit bytes are parts of non-ASCII letters).
    @inline(__always)
    static func isWordByte(_ byte: UInt8) -> Bool {
        let lower = byte | 0x20
        return (lower >= 0x61 && lower <= 0x7A) || (byte >= 0x30 && byte <= 0x39) || byte == 0x5F || byte >= 0x80
    }

    @inline(__always)
    static func isDigit(_ byte: UInt8) -> Bool {
        byte >= 0x30 && byte <= 0x39
    }

    @inline(__always)
    static func lowercased(_ byte: UInt8) -> UInt8 {
        byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte
    }
}
