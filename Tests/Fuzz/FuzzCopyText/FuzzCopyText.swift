import DumpParser
import FuzzSupport

/// Bytes as one line of COPY text, split and decoded in plain ASCII-compatible
/// encodings and in each client-only one, where a character's later bytes may look
/// like a backslash or a tab. Decoding keeps the fields splitting found.
func fuzzCopyLine(_ line: [UInt8]) {
    for encoding in encodings {
        let fields = CopyText.splitFields(line, encoding: encoding)
        let decoded = CopyText.decodeLine(line, encoding: encoding)
        precondition(decoded.count == fields.count, "decoding a line found other fields than splitting it")
        for (raw, value) in zip(fields, decoded) {
            precondition((raw == nil) == (value == nil), "decoding a line changed which fields are NULL")
        }
    }
}

private let encodings: [ClientOnlyEncoding?] = [nil, .sjis, .big5, .gbk, .uhc, .gb18030, .johab]

@_cdecl("LLVMFuzzerTestOneInput")
public func testOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    fuzzCopyLine(FuzzInput.bytes(data, size))
    return 0
}

#if !LIBFUZZER
@main enum Replay {
    static func main() { FuzzInput.replay(fuzzCopyLine) }
}
#endif
