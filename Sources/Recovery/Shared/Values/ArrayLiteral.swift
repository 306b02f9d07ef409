/// PostgreSQL's array text as the server writes it, turned into a JSON array:
/// `{1,2,NULL}`, nested `{{"a b","c\"d"},{e,f}}`, and `[0:1]={x,y}` (the bounds,
/// which JSON cannot say, are dropped). Elements are double-quoted when they hold
/// the delimiter, braces, quotes, backslashes or spaces, or spell NULL; inside
/// quotes a backslash protects the next byte. An unquoted NULL is SQL NULL.
struct ArrayLiteral {
    private let text: UnsafeRawBufferPointer
    private let delimiter: UInt8
    private var index = 0
    private var element: [UInt8] = []

    init(text: UnsafeRawBufferPointer, delimiter: UInt8) {
        self.text = text
        self.delimiter = delimiter
    }

    /// The JSON array, each element written by `elements`; nil when the text is not
    /// an array literal (the caller then writes it as a string).
    mutating func json(elements: (UnsafeRawBufferPointer, inout [UInt8]) -> Void) -> [UInt8]? {
        if text.first == UInt8(ascii: "[") {
            while index < text.count, text[index] != UInt8(ascii: "=") { index += 1 }
            index += 1
        }
        var output: [UInt8] = []
        guard array(into: &output, elements: elements), index == text.count else { return nil }
        return output
    }

    private mutating func array(into output: inout [UInt8], elements: (UnsafeRawBufferPointer, inout [UInt8]) -> Void) -> Bool {
        guard index < text.count, text[index] == UInt8(ascii: "{") else { return false }
        index += 1
        output.append(UInt8(ascii: "["))
        if index < text.count, text[index] == UInt8(ascii: "}") {
            index += 1
            output.append(UInt8(ascii: "]"))
            return true
        }
        while index < text.count {
            if text[index] == UInt8(ascii: "{") {
                guard array(into: &output, elements: elements) else { return false }
            } else {
                guard scalar(into: &output, elements: elements) else { return false }
            }
            guard index < text.count else { return false }
            let separator = text[index]
            index += 1
            if separator == UInt8(ascii: "}") {
                output.append(UInt8(ascii: "]"))
                return true
            }
            guard separator == delimiter else { return false }
            output.append(UInt8(ascii: ","))
        }
        return false
    }

    private mutating func scalar(into output: inout [UInt8], elements: (UnsafeRawBufferPointer, inout [UInt8]) -> Void) -> Bool {
        element.removeAll(keepingCapacity: true)
        let quoted = text[index] == UInt8(ascii: "\"")
        if quoted { index += 1 }
        while index < text.count {
            let byte = text[index]
            if quoted && byte == UInt8(ascii: "\"") { break }
            if !quoted && (byte == delimiter || byte == UInt8(ascii: "}")) { break }
            if byte == UInt8(ascii: "\\") {
                index += 1
                guard index < text.count else { return false }
            }
            element.append(text[index])
            index += 1
        }
        if quoted {
            guard index < text.count else { return false }
            index += 1
        } else if element.isEmpty {
            return false
        }
        if !quoted && element.count == 4 && String(decoding: element, as: UTF8.self).uppercased() == "NULL" {
            output += Array("null".utf8)
        } else {
            element.withUnsafeBytes { elements($0, &output) }
        }
        return true
    }
}
