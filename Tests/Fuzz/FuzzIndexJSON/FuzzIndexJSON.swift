import FuzzSupport
import ScalpelArchive
import TestSupport

/// An index payload (the `-- pgscalpel-index v1 {...}` line) put where an archive's
/// index goes, with checksums that agree with it (`ForgedArchive`), then opened and
/// read as every command reads an archive. A checksum proves only that the bytes
/// are those written, and whoever wrote them may have meant harm: the index must be
/// refused with an `ArchiveError`, or name only bytes that are there and make the
/// reader allocate only what those bytes can fill.
func fuzzIndex(_ payload: [UInt8]) {
    guard let archive = try? ForgedArchive.around(indexPayload: payload),
          let reader = try? ArchiveReader(source: MemorySource(archive), name: "input")
    else { return }
    for section in reader.index.sections {
        _ = try? reader.text(of: section)
    }
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
