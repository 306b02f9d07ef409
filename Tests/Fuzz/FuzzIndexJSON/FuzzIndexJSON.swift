import FuzzSupport
import ScalpelArchive

/// An index payload (the `-- pgscalpel-index v1 {...}` line) read and validated as
/// `ArchiveReader` does once its checksum matched: a checksum proves only that the
/// bytes are the ones written, and whoever wrote them may have meant harm. The index
/// is held against the file size its own members claim, so that an index whose
/// numbers agree with each other gets past the size checks to the rest.
func fuzzIndex(_ payload: [UInt8]) {
    guard let index = try? IndexCodec.decode(payload) else { return }
    let claimedEnd = index.members.last.map { $0.offset &+ $0.length } ?? 0
    _ = try? index.validate(indexOffset: claimedEnd, name: "input")
}

@_cdecl("LLVMFuzzerTestOneInput")
public func testOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    fuzzIndex(FuzzInput.bytes(data, size))
    return 0
}

#if !LIBFUZZER
@main enum Replay {
    static func main() { FuzzInput.replay(fuzzIndex) }
}
#endif
