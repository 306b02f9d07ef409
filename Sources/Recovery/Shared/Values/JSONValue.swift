import FoundationEssentials

/// One column value as JSON, by the column's kind. Numbers keep the digits the
/// server wrote (a numeric's forty digits stay forty digits: no Double in
/// between); json and jsonb are embedded as the JSON they are.
enum JSONValue {
    static func append(_ value: UnsafeRawBufferPointer, kind: ColumnKind, bytea: ExportFormat.Bytea,
                       to output: inout [UInt8]) {
        if kind.dimensions > 0 {
            var array = ArrayLiteral(text: value, delimiter: kind.delimiter)
            if let json = array.json(elements: { element, out in appendScalar(element, kind: kind.scalar, bytea: bytea, to: &out) }) {
                output += json
                return
            }
        }
        appendScalar(value, kind: kind.scalar, bytea: bytea, to: &output)
    }

    static func appendScalar(_ value: UnsafeRawBufferPointer, kind: ValueKind, bytea: ExportFormat.Bytea,
                             to output: inout [UInt8]) {
        switch kind {
        case .integer, .numeric, .float:
            if JSONText.isNumber(value) {
                output.append(bytes: value)
            } else {
                JSONText.appendString(value, to: &output)
            }
        case .boolean:
            if value.count == 1 && value[0] == UInt8(ascii: "t") {
                output += Array("true".utf8)
            } else if value.count == 1 && value[0] == UInt8(ascii: "f") {
                output += Array("false".utf8)
            } else {
                JSONText.appendString(value, to: &output)
            }
        case .json:
            // A json value may span lines (as typed, between tokens); a JSON Lines
            // row may not. Raw line breaks can only be white space: inside strings
            // the server's JSON parser requires them escaped.
            output += value.map { $0 == 0x0A || $0 == 0x0D ? 0x20 : $0 }
        case .bytea:
            switch bytea {
            case .hex where value.starts(with: "\\x".utf8):
                JSONText.appendString(value, to: &output)
            case .hex:
                var hex = Array("\\x".utf8)
                for byte in ByteaText.bytes(of: value) { hex += [hexDigits[Int(byte >> 4)], hexDigits[Int(byte & 0x0F)]] }
                hex.withUnsafeBytes { JSONText.appendString($0, to: &output) }
            case .base64:
                JSONText.appendString(Data(ByteaText.bytes(of: value)).base64EncodedString(), to: &output)
            }
        case .vector:
            if isNumberArray(value) {
                output.append(bytes: value)
            } else {
                JSONText.appendString(value, to: &output)
            }
        case .text:
            JSONText.appendString(value, to: &output)
        }
    }

    /// `[n,n,...]` with every element a JSON number, as pgvector prints a vector.
    private static func isNumberArray(_ value: UnsafeRawBufferPointer) -> Bool {
        guard value.count >= 2, value.first == UInt8(ascii: "["), value.last == UInt8(ascii: "]") else { return false }
        let inner = UnsafeRawBufferPointer(rebasing: value[1..<(value.count - 1)])
        guard !inner.isEmpty else { return true }
        return inner.split(separator: UInt8(ascii: ","), omittingEmptySubsequences: false)
            .allSatisfy { JSONText.isNumber(UnsafeRawBufferPointer(rebasing: $0)) }
    }

    private static let hexDigits = Array("0123456789abcdef".utf8)
}

/// `bytea` text in either of the server's output formats.
enum ByteaText {
    /// Hex (`\x0a0b`, the default since PostgreSQL 9.0 and what `backup` pins) or
    /// escape (`a\\b\001`, a server with `bytea_output = escape`).
    static func bytes(of text: UnsafeRawBufferPointer) -> [UInt8] {
        var bytes: [UInt8] = []
        if text.starts(with: "\\x".utf8) {
            bytes.reserveCapacity((text.count - 2) / 2)
            var index = 2
            while index + 1 < text.count {
                guard let high = hexValue(text[index]), let low = hexValue(text[index + 1]) else { break }
                bytes.append(high << 4 | low)
                index += 2
            }
            return bytes
        }
        var index = 0
        while index < text.count {
            let byte = text[index]
            if byte == UInt8(ascii: "\\"), index + 3 < text.count, (0x30...0x33).contains(text[index + 1]) {
                bytes.append((text[index + 1] - 0x30) << 6 | (text[index + 2] - 0x30) << 3 | (text[index + 3] - 0x30))
                index += 4
            } else if byte == UInt8(ascii: "\\"), index + 1 < text.count, text[index + 1] == byte {
                bytes.append(byte)
                index += 2
            } else {
                bytes.append(byte)
                index += 1
            }
        }
        return bytes
    }

    private static func hexValue(_ digit: UInt8) -> UInt8? {
        switch digit {
        case 0x30...0x39: digit - 0x30
        case 0x61...0x66: digit - 0x61 + 10
        case 0x41...0x46: digit - 0x41 + 10
        default: nil
        }
    }
}
