import FoundationEssentials

/// Turns the index into its payload — one SQL comment line holding ASCII-only JSON —
/// and back. ASCII keeps the line safe in any client encoding psql may be using.
public enum IndexCodec {
    public static func encode(_ index: ArchiveIndex) throws -> [UInt8] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let json = try encoder.encode(index)
        var payload = ArchiveLayout.indexLinePrefix
        payload.reserveCapacity(payload.count + json.count + 16)
        appendEscapingNonASCII(json, to: &payload)
        payload.append(0x0a)
        return payload
    }

    public static func decode(_ payload: [UInt8]) throws -> ArchiveIndex {
        let prefix = ArchiveLayout.indexLinePrefix
        guard payload.count > prefix.count, Array(payload[0..<prefix.count]) == prefix, payload.last == 0x0a else {
            throw ArchiveError(.indexDamaged, "the index does not start with \"-- pgscalpel-index v1\"")
        }
        do {
            return try ArchiveIndex(json: payload[prefix.count..<(payload.count - 1)])
        } catch {
            throw ArchiveError(.indexDamaged, "the index is not valid: \(error)")
        }
    }

    /// Non-ASCII bytes occur only inside JSON strings, so each scalar can become `\uXXXX`.
    private static func appendEscapingNonASCII(_ json: Data, to out: inout [UInt8]) {
        guard json.contains(where: { $0 >= 0x80 }) else {
            out += json
            return
        }
        for scalar in String(decoding: json, as: UTF8.self).unicodeScalars {
            if scalar.isASCII {
                out.append(UInt8(scalar.value))
            } else {
                for unit in String(scalar).utf16 {
                    let hex = String(unit, radix: 16)
                    out += Array("\\u\(String(repeating: "0", count: 4 - hex.count))\(hex)".utf8)
                }
            }
        }
    }
}
