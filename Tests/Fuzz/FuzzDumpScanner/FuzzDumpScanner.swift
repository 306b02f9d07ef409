import DumpParser
import FuzzSupport

/// Bytes as pg_dump's plain output, split into sections by the scanner that `pack`
/// and `backup` use and by the rescan that readers hold sections against. Besides
/// never trapping, the scanner promises that chunks may be cut anywhere: the same
/// bytes fed whole and in small chunks must give the same sections and the same
/// error, or a reader's verdict would depend on its buffer size.
func fuzzDump(_ bytes: [UInt8]) {
    let chunk = bytes.count % 61 + 1
    let whole = scan(bytes, chunk: max(bytes.count, 1))
    let pieces = scan(bytes, chunk: chunk)
    precondition(whole == pieces, "cut into chunks of \(chunk) bytes, the dump scans differently")

    var rescan = SectionRescan()
    bytes.withUnsafeBytes { _ = rescan.consume($0) }
    _ = try? rescan.finish()
}

/// What the scanner reported, with the error `finish` threw, if any, spelled out.
private struct Scan: Equatable {
    var events: [DumpEvent] = []
    var malformedRows: [DumpError] = []
    var failure: String?
}

private func scan(_ bytes: [UInt8], chunk: Int) -> Scan {
    var scanner = DumpScanner(checksFields: true)
    var result = Scan()
    bytes.withUnsafeBytes { buffer in
        var start = 0
        repeat {
            let end = min(start + chunk, buffer.count)
            result.events += scanner.consume(UnsafeRawBufferPointer(rebasing: buffer[start..<end]))
            start = end
        } while start < buffer.count
    }
    do { result.events += try scanner.finish() } catch { result.failure = "\(error)" }
    result.malformedRows = scanner.malformedRows
    return result
}

@_cdecl("LLVMFuzzerTestOneInput")
public func testOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    fuzzDump(FuzzInput.bytes(data, size))
    return 0
}

#if !LIBFUZZER
@main enum Replay {
    static func main() { FuzzInput.replay(fuzzDump) }
}
#endif
