import Glibc
import DumpParser

/// One COPY text line, without its line feed, as a merge reads it: fields found
/// by their tabs (COPY text escapes every tab inside a value), compared without
/// decoding unless a value holds an escape.
struct CopyLine {
    let bytes: UnsafeRawBufferPointer

    init(_ bytes: UnsafeRawBufferPointer) {
        self.bytes = bytes.last == 0x0A ? UnsafeRawBufferPointer(rebasing: bytes.dropLast()) : bytes
    }

    /// Start and end of every field, or of the first `limit`, into `ranges` (reused
    /// to spare an allocation a row): a merge needs only the key's fields.
    func fields(into ranges: inout [Range<Int>], limit: Int = .max) {
        ranges.removeAll(keepingCapacity: true)
        var start = 0
        while ranges.count < limit - 1, let tab = bytes.index(of: 0x09, from: start) {
            ranges.append(start..<tab)
            start = tab + 1
        }
        ranges.append(start..<(bytes.index(of: 0x09, from: start) ?? bytes.count))
    }

    subscript(range: Range<Int>) -> UnsafeRawBufferPointer {
        UnsafeRawBufferPointer(rebasing: bytes[range])
    }

    static func isNull(_ field: UnsafeRawBufferPointer) -> Bool {
        field.count == 2 && field[0] == 0x5C && field[1] == 0x4E
    }

    /// Orders two fields of a key column the way the server sorted them: NULL last.
    static func compare(_ a: UnsafeRawBufferPointer, _ b: UnsafeRawBufferPointer, as order: DiffKey.Order,
                        encoding: ClientOnlyEncoding?) -> Int {
        let aNull = isNull(a), bNull = isNull(b)
        if aNull || bNull { return aNull == bNull ? 0 : (aNull ? 1 : -1) }
        if case .integer = order, let x = integer(a), let y = integer(b) {
            return x < y ? -1 : (x == y ? 0 : 1)
        }
        if a.index(of: 0x5C, from: 0) == nil && b.index(of: 0x5C, from: 0) == nil {
            return compareBytes(a, b)
        }
        let x = CopyText.decode(a, encoding: encoding), y = CopyText.decode(b, encoding: encoding)
        return x.withUnsafeBytes { x in y.withUnsafeBytes { y in compareBytes(x, y) } }
    }

    /// Byte for byte, with memcmp (a generic comparison goes a byte at a time).
    static func same(_ a: UnsafeRawBufferPointer, _ b: UnsafeRawBufferPointer) -> Bool {
        compareBytes(a, b) == 0
    }

    /// memcmp, then the shorter first: PostgreSQL's "C" collation.
    static func compareBytes(_ a: UnsafeRawBufferPointer, _ b: UnsafeRawBufferPointer) -> Int {
        let common = min(a.count, b.count)
        if common > 0 {
            let result = memcmp(a.baseAddress!, b.baseAddress!, common)
            if result != 0 { return result < 0 ? -1 : 1 }
        }
        return a.count == b.count ? 0 : (a.count < b.count ? -1 : 1)
    }

    private static func integer(_ text: UnsafeRawBufferPointer) -> Int64? {
        var value: Int64 = 0
        var index = 0
        let negative = text.first == 0x2D
        if negative { index = 1 }
        guard index < text.count else { return nil }
        while index < text.count {
            let digit = text[index] &- 0x30
            guard digit < 10 else { return nil }
            let (times, overflow1) = value.multipliedReportingOverflow(by: 10)
            let (sum, overflow2) = negative ? times.subtractingReportingOverflow(Int64(digit)) : times.addingReportingOverflow(Int64(digit))
            guard !overflow1 && !overflow2 else { return nil }
            value = sum
            index += 1
        }
        return value
    }
}
