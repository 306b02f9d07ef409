import Glibc
import DumpParser

/// One COPY data line cut into its fields where it lies: nothing is copied, and
/// after the first rows nothing is allocated either, since the bounds array keeps
/// its capacity. Valid only while the line's bytes are.
struct ExportRow {
    /// The whole line, without its line feed.
    private(set) var line = UnsafeRawBufferPointer(start: nil, count: 0)
    /// Start and end of each field, in pairs.
    private var bounds: [Int] = []
    /// No backslash anywhere in the line: no NULL, and every value is its raw text.
    private(set) var isPlain = false
    /// The dump's client_encoding when it is client-only: then a 0x5C byte may end a
    /// character rather than start an escape, and characters are stepped over whole.
    let encoding: ClientOnlyEncoding?

    init(encoding: ClientOnlyEncoding? = nil) {
        self.encoding = encoding
    }

    var count: Int { bounds.count / 2 }

    /// Splits at tabs; a backslash protects the character after it, as in the
    /// server's reader (and `CopyText.splitFields`). Most lines hold no backslash
    /// at all: those are cut with `memchr`, which finds the tabs many bytes at a
    /// time (no encoding has a tab inside a character).
    /// False when the line does not hold `columns` fields.
    mutating func split(_ line: UnsafeRawBufferPointer, expecting columns: Int) -> Bool {
        self.line = line
        bounds.removeAll(keepingCapacity: true)
        guard columns > 0 else { return line.isEmpty }
        var start = 0
        isPlain = line.baseAddress.map { memchr($0, 0x5C, line.count) == nil } ?? true
        if isPlain, let base = line.baseAddress {
            while let tab = memchr(base + start, 0x09, line.count - start) {
                let end = base.distance(to: UnsafeRawPointer(tab))
                bounds.append(start)
                bounds.append(end)
                start = end + 1
            }
            bounds.append(start)
            bounds.append(line.count)
        } else {
            var index = 0
            while index < line.count {
                let byte = line[index]
                if byte == 0x5C {
                    index += 1
                    if index < line.count { index = encoding?.end(ofCharacterAt: index, in: line) ?? index + 1 }
                    continue
                }
                if byte == 0x09 {
                    bounds.append(start)
                    bounds.append(index)
                    start = index + 1
                }
                index = encoding?.end(ofCharacterAt: index, in: line) ?? index + 1
            }
            bounds.append(start)
            bounds.append(min(index, line.count))
        }
        return count == columns
    }

    /// The field as written in the COPY text, still escaped, `\N` for NULL.
    func rawText(_ field: Int) -> UnsafeRawBufferPointer {
        UnsafeRawBufferPointer(rebasing: line[bounds[2 * field]..<bounds[2 * field + 1]])
    }

    /// The field as written in the COPY text, still escaped; nil for NULL.
    func raw(_ field: Int) -> UnsafeRawBufferPointer? {
        let text = rawText(field)
        return text.count == 2 && text[0] == 0x5C && text[1] == 0x4E ? nil : text
    }

    /// The field's value, unescaped; nil for NULL. Most values hold no backslash
    /// and are passed as they lie.
    func withValue<Result>(_ field: Int, _ body: (UnsafeRawBufferPointer?) throws -> Result) rethrows -> Result {
        guard let raw = raw(field) else { return try body(nil) }
        guard let base = raw.baseAddress, memchr(base, 0x5C, raw.count) != nil else { return try body(raw) }
        return try CopyText.decode(raw, encoding: encoding).withUnsafeBytes { try body($0) }
    }
}
