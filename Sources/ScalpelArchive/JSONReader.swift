/// Reads one JSON text (RFC 8259) front to back, value by value, with the caller
/// saying what each value must be. Nothing is built that the caller does not keep.
///
/// The index is read by every command on every start. On an archive of 1,000
/// tables (4,000 sections) `JSONDecoder` made `cat` of one of them take 104 ms,
/// 94% of it decoding and four times `pg_restore -t`; building a tree of parsed
/// values first still took 49 ms (docs/BENCHMARKS.md, "One table", has the
/// current figures). The syntax is checked as strictly as a full parser would,
/// skipped values included.
///
/// It reads through a buffer pointer, valid only inside `read(_:_:)`: array
/// subscripts' bounds checks and reference counting were a third of its time.
struct JSONReader {
    private let bytes: UnsafeBufferPointer<UInt8>
    private var position = 0
    /// The keys and array positions down to the current value, for error messages:
    /// a fixed stack, as an array's appends and removals were a tenth of the reading.
    private let path: UnsafeMutablePointer<PathComponent>
    private var depth = 0

    private enum PathComponent {
        case key(Range<Int>)
        case element(Int)
    }

    /// Deep nesting would only come from a crafted file; refusing it keeps the
    /// recursion off the end of the stack.
    static let maximumDepth = 64

    private init(_ bytes: UnsafeBufferPointer<UInt8>, path: UnsafeMutablePointer<PathComponent>) {
        self.bytes = bytes
        self.path = path
    }

    /// Reads the one value `text` holds with `body`, then checks that only
    /// whitespace follows.
    static func read<T>(_ text: ArraySlice<UInt8>, _ body: (inout JSONReader) throws(JSONError) -> T) throws(JSONError) -> T {
        let path = UnsafeMutablePointer<PathComponent>.allocate(capacity: maximumDepth)
        defer { path.deallocate() }
        let result: Result<T, JSONError> = text.withUnsafeBufferPointer { buffer in
            var reader = JSONReader(buffer, path: path)
            do throws(JSONError) {
                let value = try body(&reader)
                reader.skipWhitespace()
                guard reader.position == buffer.count else { throw reader.syntaxError("unexpected text after the JSON value") }
                return .success(value)
            } catch {
                return .failure(error)
            }
        }
        return try result.get()
    }

    // MARK: Values

    /// Calls `body` with each key; `body` reads or skips that key's value. A
    /// repeated key is read again, so the last one counts.
    mutating func readObject(_ body: (inout JSONReader, JSONString) throws(JSONError) -> Void) throws(JSONError) {
        try expectStart(UInt8(ascii: "{"), "an object")
        guard !consume(UInt8(ascii: "}")) else { return }
        repeat {
            skipWhitespace()
            guard peek() == UInt8(ascii: "\"") else { throw syntaxError("expected a key") }
            let key = try scanString()
            skipWhitespace()
            guard consume(UInt8(ascii: ":")) else { throw syntaxError("expected ':'") }
            push(.key(key.range))
            try body(&self, JSONString(bytes: bytes, range: key.range, decoded: key.decoded))
            depth -= 1
        } while try separator(closing: UInt8(ascii: "}"))
    }

    /// Calls `body` for each element; `body` reads or skips it.
    mutating func readArray(_ body: (inout JSONReader) throws(JSONError) -> Void) throws(JSONError) {
        try expectStart(UInt8(ascii: "["), "an array")
        guard !consume(UInt8(ascii: "]")) else { return }
        var offset = 0
        repeat {
            push(.element(offset))
            try body(&self)
            depth -= 1
            offset += 1
        } while try separator(closing: UInt8(ascii: "]"))
    }

    mutating func readString() throws(JSONError) -> String {
        try readString { $0.text }
    }

    /// Hands the string to `match` before any `String` is made of it: values from a
    /// fixed set (a section's kind) need none.
    mutating func readString<T>(_ match: (JSONString) -> T) throws(JSONError) -> T {
        skipWhitespace()
        guard peek() == UInt8(ascii: "\"") else { throw typeError("a string") }
        let scanned = try scanString()
        return match(JSONString(bytes: bytes, range: scanned.range, decoded: scanned.decoded))
    }

    /// Integers only: `1.0` or `1e3` is not an offset, and a value out of `T`'s
    /// range is an error, not a wrap. Offsets and lengths are most of an index, so
    /// plain digits are read in one pass; anything else goes through `scanNumber`
    /// for the right error.
    mutating func readInteger<T: FixedWidthInteger>(_ type: T.Type = T.self) throws(JSONError) -> T {
        skipWhitespace()
        let start = position
        var index = start
        let negative = index < bytes.count && bytes[index] == UInt8(ascii: "-")
        if negative { index += 1 }
        let firstDigit = index
        var magnitude: UInt64 = 0
        var overflow = false
        while index < bytes.count, isDigit(bytes[index]) {
            let (times10, carry1) = magnitude.multipliedReportingOverflow(by: 10)
            let (sum, carry2) = times10.addingReportingOverflow(UInt64(bytes[index] - UInt8(ascii: "0")))
            overflow = overflow || carry1 || carry2
            magnitude = sum
            index += 1
        }
        let digits = index - firstDigit
        let fractionOrExponent = index < bytes.count && (bytes[index] == UInt8(ascii: ".") || bytes[index] | 0x20 == UInt8(ascii: "e"))
        guard digits > 0, digits == 1 || bytes[firstDigit] != UInt8(ascii: "0"), !fractionOrExponent else {
            guard try scanNumber() != nil else { throw typeError("an integer") }
            throw integerError(T.self, at: start)
        }
        position = index
        let value: T?
        if overflow {
            value = nil
        } else if !negative {
            value = T(exactly: magnitude)
        } else if magnitude == 0 {
            value = 0
        } else if T.isSigned, magnitude - 1 <= UInt64(Int64.max) {
            value = T(exactly: -Int64(magnitude - 1) - 1)
        } else {
            value = nil
        }
        guard let value else { throw integerError(T.self, at: start) }
        return value
    }

    /// True, having consumed it, if the next value is `null`: optional members may
    /// be absent or null, as with `Codable`.
    mutating func readNull() throws(JSONError) -> Bool {
        skipWhitespace()
        guard peek() == UInt8(ascii: "n") else { return false }
        try expectLiteral("null")
        return true
    }

    /// Skips one value of any type, checking its syntax.
    mutating func skipValue() throws(JSONError) {
        skipWhitespace()
        switch peek() {
        case nil: throw syntaxError("the JSON text ends early")
        case UInt8(ascii: "{"): try readObject { (reader, _) throws(JSONError) in try reader.skipValue() }
        case UInt8(ascii: "["): try readArray { (reader) throws(JSONError) in try reader.skipValue() }
        case UInt8(ascii: "\""): _ = try scanString()
        case UInt8(ascii: "t"): try expectLiteral("true")
        case UInt8(ascii: "f"): try expectLiteral("false")
        case UInt8(ascii: "n"): try expectLiteral("null")
        default: guard try scanNumber() != nil else { throw syntaxError("expected a JSON value") }
        }
    }

    /// A required member that the object lacked; `key` is spelled as in FORMAT.md.
    func missing(_ key: String) -> JSONError {
        JSONError(offset: position, location: "\(location)\(location.isEmpty ? "" : ".")\(key)", reason: "is missing")
    }

    /// A member whose value is well-formed JSON but not one FORMAT.md allows.
    func invalid(_ expected: String) -> JSONError {
        JSONError(offset: position, location: location, reason: "is not \(expected)")
    }

    // MARK: Scanning

    /// `expectStart` has checked the depth, so the stack has room.
    private mutating func push(_ component: PathComponent) {
        (path + depth).initialize(to: component)
        depth += 1
    }

    private func peek() -> UInt8? {
        position < bytes.count ? bytes[position] : nil
    }

    private mutating func consume(_ byte: UInt8) -> Bool {
        // pgscalpel writes no whitespace: look at the next byte first.
        if position < bytes.count && bytes[position] == byte {
            position += 1
            return true
        }
        skipWhitespace()
        guard peek() == byte else { return false }
        position += 1
        return true
    }

    private mutating func skipWhitespace() {
        var index = position
        while index < bytes.count, bytes[index] == 0x20 || bytes[index] == 0x09 || bytes[index] == 0x0a || bytes[index] == 0x0d {
            index += 1
        }
        position = index
    }

    private mutating func expectStart(_ byte: UInt8, _ what: String) throws(JSONError) {
        skipWhitespace()
        guard peek() == byte else { throw typeError(what) }
        guard depth < Self.maximumDepth else { throw syntaxError("JSON nested more than \(Self.maximumDepth) deep") }
        position += 1
    }

    /// After an element: true for `,`, false for the closing bracket.
    private mutating func separator(closing: UInt8) throws(JSONError) -> Bool {
        if consume(UInt8(ascii: ",")) { return true }
        if consume(closing) { return false }
        throw syntaxError(peek() == nil ? "the JSON text ends early" : "expected ',' or '\(Character(Unicode.Scalar(closing)))'")
    }

    private mutating func expectLiteral(_ literal: StaticString) throws(JSONError) {
        let count = literal.utf8CodeUnitCount
        guard position + count <= bytes.count,
              literal.withUTF8Buffer({ bytes[position..<(position + count)].elementsEqual($0) }) else {
            throw syntaxError("expected a JSON value")
        }
        position += count
    }

    private func isDigit(_ byte: UInt8) -> Bool {
        byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")
    }

    private mutating func skipDigits() {
        var index = position
        while index < bytes.count, isDigit(bytes[index]) { index += 1 }
        position = index
    }

    /// `-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?`; nil, consuming nothing, if
    /// the next value does not start like a number.
    private mutating func scanNumber() throws(JSONError) -> Range<Int>? {
        let start = position
        guard let first = peek(), first == UInt8(ascii: "-") || isDigit(first) else { return nil }
        if first == UInt8(ascii: "-") { position += 1 }
        guard let lead = peek(), isDigit(lead) else { throw syntaxError("expected a digit") }
        position += 1
        if lead != UInt8(ascii: "0") { skipDigits() }
        if peek() == UInt8(ascii: ".") {
            position += 1
            guard let digit = peek(), isDigit(digit) else { throw syntaxError("expected a digit") }
            skipDigits()
        }
        if let e = peek(), e | 0x20 == UInt8(ascii: "e") {
            position += 1
            if let sign = peek(), sign == UInt8(ascii: "+") || sign == UInt8(ascii: "-") { position += 1 }
            guard let digit = peek(), isDigit(digit) else { throw syntaxError("expected a digit") }
            skipDigits()
        }
        return start..<position
    }

    /// Scans a string from its opening quote. `range` is its raw content; `decoded`
    /// is set when that is not plain ASCII: escapes resolved, UTF-8 validated.
    private mutating func scanString() throws(JSONError) -> (range: Range<Int>, decoded: String?) {
        let start = position + 1
        // Nearly every string in an index is plain ASCII: eight bytes at a time
        // while none of them needs a look, then one at a time from the first that
        // does. Scanning a byte at a time was a sixth of reading an index.
        var index = start
        if let base = bytes.baseAddress {
            while index + 8 <= bytes.count {
                let word = UInt64(littleEndian: UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self))
                let special = Self.specialBytes(word)
                if special != 0 {
                    index += special.trailingZeroBitCount / 8
                    break
                }
                index += 8
            }
        }
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "\"") {
                position = index + 1
                return (start..<index, nil)
            }
            if byte == UInt8(ascii: "\\") || byte < 0x20 || byte >= 0x80 { break }
            index += 1
        }
        position = index
        var unescaped: [UInt8]?
        var segment = start
        var ascii = true
        while let byte = peek() {
            switch byte {
            case UInt8(ascii: "\""):
                let range = start..<position
                position += 1
                if unescaped == nil && ascii { return (range, nil) }
                var utf8 = unescaped ?? []
                utf8 += bytes[segment..<range.upperBound]
                guard let text = String(validating: utf8, as: UTF8.self) else {
                    throw JSONError(offset: start, location: location, reason: "holds a string that is not UTF-8")
                }
                return (range, text)
            case UInt8(ascii: "\\"):
                unescaped = (unescaped ?? []) + bytes[segment..<position]
                try scanEscape(into: &unescaped!)
                segment = position
            case 0..<0x20:
                throw syntaxError("a control character in a string")
            case 0x80...:
                ascii = false
                position += 1
            default:
                position += 1
            }
        }
        throw syntaxError("a string is not closed")
    }

    /// The high bit set in each byte of `word` that is a quote, a backslash, a
    /// control character or not ASCII. Bytes above the first such one may be
    /// flagged wrongly (a borrow runs upwards); the lowest flag is always right.
    private static func specialBytes(_ word: UInt64) -> UInt64 {
        let ones: UInt64 = 0x0101_0101_0101_0101
        let highs: UInt64 = 0x8080_8080_8080_8080
        func zeroBytes(_ value: UInt64) -> UInt64 { (value &- ones) & ~value }
        let quote = zeroBytes(word ^ (ones &* UInt64(UInt8(ascii: "\""))))
        let backslash = zeroBytes(word ^ (ones &* UInt64(UInt8(ascii: "\\"))))
        let control = (word &- ones &* 0x20) & ~word
        return (quote | backslash | control | word) & highs
    }

    /// Appends the UTF-8 of one escape sequence; `position` is at its backslash.
    private mutating func scanEscape(into decoded: inout [UInt8]) throws(JSONError) {
        position += 1
        guard let letter = peek() else { throw syntaxError("a string is not closed") }
        position += 1
        switch letter {
        case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): decoded.append(letter)
        case UInt8(ascii: "b"): decoded.append(0x08)
        case UInt8(ascii: "f"): decoded.append(0x0c)
        case UInt8(ascii: "n"): decoded.append(0x0a)
        case UInt8(ascii: "r"): decoded.append(0x0d)
        case UInt8(ascii: "t"): decoded.append(0x09)
        case UInt8(ascii: "u"):
            var scalar = UInt32(try scanHexQuad())
            if (0xd800..<0xdc00).contains(scalar) {
                guard position + 1 < bytes.count, bytes[position] == UInt8(ascii: "\\"),
                      bytes[position + 1] == UInt8(ascii: "u") else {
                    throw syntaxError("a high surrogate without its low surrogate")
                }
                position += 2
                let low = UInt32(try scanHexQuad())
                guard (0xdc00..<0xe000).contains(low) else { throw syntaxError("a high surrogate without its low surrogate") }
                scalar = 0x10000 + ((scalar - 0xd800) << 10) + (low - 0xdc00)
            }
            guard let unicode = Unicode.Scalar(scalar) else { throw syntaxError("a low surrogate without its high surrogate") }
            decoded += Array(String(unicode).utf8)
        default:
            position -= 2
            throw syntaxError("an unknown escape in a string")
        }
    }

    private mutating func scanHexQuad() throws(JSONError) -> UInt16 {
        guard position + 4 <= bytes.count else { throw syntaxError("a string is not closed") }
        var value: UInt16 = 0
        for byte in bytes[position..<(position + 4)] {
            guard let digit = Self.hexDigit(byte) else { throw syntaxError("expected four hexadecimal digits after \\u") }
            value = value << 4 | UInt16(digit)
        }
        position += 4
        return value
    }

    private static func hexDigit(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): return byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): return byte - UInt8(ascii: "A") + 10
        default: return nil
        }
    }

    // MARK: Errors

    /// The current path, as `sections[3].table.name`.
    private var location: String {
        var text = ""
        for component in UnsafeBufferPointer(start: path, count: depth) {
            switch component {
            case .key(let range):
                if !text.isEmpty { text += "." }
                text += String(decoding: bytes[range], as: UTF8.self)
            case .element(let offset):
                text += "[\(offset)]"
            }
        }
        return text
    }

    private func syntaxError(_ reason: String) -> JSONError {
        JSONError(offset: position, location: nil, reason: reason)
    }

    private func typeError(_ expected: String) -> JSONError {
        peek() == nil ? syntaxError("the JSON text ends early") : invalid(expected)
    }

    private func integerError<T: FixedWidthInteger>(_ type: T.Type, at offset: Int) -> JSONError {
        JSONError(offset: offset, location: location, reason: "is not an integer from \(T.min) to \(T.max)")
    }
}

/// A key, or a string value from a fixed set, matched against literals in `switch`
/// statements without making a `String` of it: a string that is plain ASCII is its
/// own bytes. Like the reader, valid only inside the call that received it.
struct JSONString {
    fileprivate let bytes: UnsafeBufferPointer<UInt8>
    fileprivate let range: Range<Int>
    fileprivate let decoded: String?

    /// Called for every key against every case before it in a `switch`, so it
    /// rejects on length first.
    static func ~= (pattern: StaticString, key: JSONString) -> Bool {
        let count = pattern.utf8CodeUnitCount
        if let decoded = key.decoded {
            return decoded.utf8.elementsEqual(UnsafeBufferPointer(start: pattern.utf8Start, count: count))
        }
        guard count == key.range.count else { return false }
        let literal = pattern.utf8Start
        var offset = key.range.lowerBound
        for index in 0..<count {
            guard key.bytes[offset] == literal[index] else { return false }
            offset += 1
        }
        return true
    }

    /// The string itself: a value, or a key that is data (`settings` names).
    var text: String { decoded ?? String(decoding: bytes[range], as: UTF8.self) }
}

/// Why the index's JSON cannot be read: a syntax error at a byte offset, or a
/// well-formed value that is not what FORMAT.md says the member holds.
struct JSONError: Error, CustomStringConvertible {
    var offset: Int
    /// The member's path (`sections[3].rows`), or nil for a syntax error.
    var location: String?
    var reason: String

    var description: String {
        guard let location else { return "\(reason) at byte \(offset) of the JSON" }
        return "\(location.isEmpty ? "the index" : location) \(reason)"
    }
}
